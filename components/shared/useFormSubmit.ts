// The submit cycle every form shares: parse the form's fields, show the errors and focus the first
// field to fix, or save and show what the save answered. The status line can live in the caller
// (forms keyed to refill after a save keep it through the refill).
import { type Dispatch, type StateUpdater, useState } from 'preact/hooks';
import type { FormRaw } from '../../lib/forms/form-raw';
import { formRecord } from '../../lib/ui/form-record';
import type { SaveOutcome } from './SaveOutcome';

export type FormStatus = { ok: boolean; text: string } | null;

type Parsed<T, F extends string> =
  | { ok: true; value: T }
  | { ok: false; errors: Partial<Record<F, string>> };

export interface FormSubmitOptions<T, F extends string> {
  parse(fields: FormRaw): Parsed<T, F>;
  save(value: T): Promise<SaveOutcome>;
  /** Lines for a save that answered without a message, and for one that threw. */
  saved: string;
  failed: string;
  threw: string;
  /** Focused when the errors name no field (a form-wide error). */
  fallbackFocus?: string;
  /** The caller's status line, when it must outlive this form. */
  status?: [FormStatus, Dispatch<StateUpdater<FormStatus>>];
}

export function useFormSubmit<T, F extends string>(opts: FormSubmitOptions<T, F>) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const own = useState<FormStatus>(null);
  const [status, setStatus] = opts.status ?? own;
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const result = opts.parse(formRecord(form));
    if (!result.ok) {
      setErrors(result.errors);
      setStatus(null);
      // Keyboard and screen-reader users land on the first thing to fix.
      queueMicrotask(() => {
        const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
        const fallback = opts.fallbackFocus
          ? form.querySelector<HTMLElement>(opts.fallbackFocus)
          : null;
        (first ?? fallback)?.focus();
      });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const outcome = await opts.save(result.value);
      setStatus({
        ok: outcome.ok,
        text: outcome.message ?? (outcome.ok ? opts.saved : opts.failed),
      });
    } catch {
      setStatus({ ok: false, text: opts.threw });
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: F) => (errors[field] ? 'true' : undefined);
  return { errors, status, busy, submit, invalid };
}
