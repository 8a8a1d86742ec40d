import { parseSettingsForm, type SettingsFormContext } from '../../lib/forms/settings-form';
import type { Units } from '../../lib/model/profile';
import type { Settings } from '../../lib/model/settings';
import type { SaveOutcome } from '../shared/SaveOutcome';
import { useFormSubmit } from '../shared/useFormSubmit';

/**
 * The profile and notifications sections' submit. `stravaUnits` only matters to the profile part
 * (how a weight is typed).
 */
export function useSettingsForm(
  settings: Settings,
  stravaUnits: Units,
  part: SettingsFormContext['part'],
  onSave: (next: Settings) => Promise<SaveOutcome>,
) {
  return useFormSubmit({
    parse: (fields) => parseSettingsForm(fields, { current: settings, stravaUnits, part }),
    save: onSave,
    saved: 'Saved.',
    failed: 'Not saved.',
    threw: 'Could not save. Please try again.',
  });
}
