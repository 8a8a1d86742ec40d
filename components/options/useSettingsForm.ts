import { useState } from 'preact/hooks';
import {
  parseSettingsForm,
  type SettingsField,
  type SettingsFormContext,
} from '../../lib/forms/settings-form';
import type { Units } from '../../lib/model/profile';
import type { Settings } from '../../lib/model/settings';
import { formRecord } from '../../lib/ui/form-record';
import type { SaveOutcome } from '../shared/SaveOutcome';

/**
 * Submit handling shared by the profile and notifications sections. `stravaUnits` only matters
 * to the profile part (how a weight is typed).
 */
export function useSettingsForm(
  settings: Settings,
  stravaUnits: Units,
  part: SettingsFormContext['part'],
  onSave: (next: Settings) => Promise<SaveOutcome>,
) {
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const result = parseSettingsForm(formRecord(form), { current: settings, stravaUnits, part });
    if (!result.ok) {
      setErrors(result.errors);
      setStatus(null);
      queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const outcome = await onSave(result.value);
      setStatus({
        ok: outcome.ok,
        text: outcome.message ?? (outcome.ok ? 'Saved.' : 'Not saved.'),
      });
    } catch {
      setStatus({ ok: false, text: 'Could not save. Please try again.' });
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: SettingsField) => (errors[field] ? 'true' : undefined);
  return { errors, status, busy, submit, invalid };
}
