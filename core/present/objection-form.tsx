import { useEffect, useRef, useState } from 'preact/hooks';
import { isCreditError } from '../api/credit-error.ts';
import type { ListEntry } from '../api/list-entry-schema.ts';
import type { ObjectionRequest, ObjectionResponse } from '../api/objection-schema.ts';
import { formText } from './form-text.ts';
import type { PresentLocale } from './present-locale.ts';

export interface ObjectionFormProps {
  code: string;
  entry: ListEntry;
  locale: PresentLocale;
  /** Posts the objection (e.g. `client.objection`); a rejection is shown by its `kind`/status, never swallowed. */
  onSubmit: (request: ObjectionRequest) => Promise<ObjectionResponse>;
  /** Called after the platform accepted it (e.g. to fetch the code again: it is now disputed). */
  onAccepted?: (response: ObjectionResponse) => void;
  /** Unique per entry on the page. */
  idPrefix: string;
  /** Show the fields at once (in a panel opened for this objection) instead of the button that opens them. */
  startOpen?: boolean;
  /** Cancel in a form that started open: the panel closes instead of showing the button. */
  onCancel?: () => void;
}

type Phase = 'closed' | 'open' | 'sending' | 'accepted';

/**
 * "Report inaccurate information" on one entry (section (二十七)): a button that opens reason and
 * contact fields and posts an objection; the platform marks the entry disputed at once, and the
 * form then says that punishments are suspended.
 */
export function ObjectionForm({ code, entry, locale, onSubmit, onAccepted, idPrefix, startOpen = false, onCancel }: ObjectionFormProps) {
  const t = formText(locale);
  const [phase, setPhase] = useState<Phase>(startOpen ? 'open' : 'closed');
  const [reason, setReason] = useState('');
  const [contact, setContact] = useState('');
  const [error, setError] = useState<string | null>(null);
  const result = useRef<HTMLParagraphElement>(null);
  /** Set in the same call as the send starts: a second submit before the re-render finds it (state would still say open). */
  const sending = useRef(false);
  // The form the person was in is gone: focus goes to what replaced it, not back to the page.
  useEffect(() => {
    if (phase === 'accepted') result.current?.focus();
  }, [phase]);

  if (phase === 'accepted') {
    return (
      <p ref={result} tabIndex={-1} class="cl-objection-result" part="objection-result" role="status">
        {t.objectionAccepted}
      </p>
    );
  }
  if (phase === 'closed') {
    return (
      <button type="button" class="cl-link-button cl-report" part="report" onClick={() => setPhase('open')}>
        {t.reportInaccurate}
      </button>
    );
  }

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (sending.current) return;
    if (!reason.trim() || !contact.trim()) return setError(`${t.objectionReason} / ${t.contact}`);
    sending.current = true;
    setPhase('sending');
    setError(null);
    try {
      // The platform asks an objection to name its entry (issue 10, finding 2): by its document number when it has one.
      const naming = entry.documentNumber ? { documentNumber: entry.documentNumber } : {};
      const response = await onSubmit({ code, entryId: entry.id, reason: reason.trim(), contact: contact.trim(), ...naming });
      setPhase('accepted');
      onAccepted?.(response);
    } catch (failure) {
      const kind = isCreditError(failure) ? (failure.kind === 'auth' ? 'auth' : failure.status === 409 ? 'conflict' : 'other') : 'other';
      setError(t.objectionFailed[kind]);
      setPhase('open');
    } finally {
      sending.current = false;
    }
  }

  const id = (suffix: string) => `${idPrefix}-${suffix}`;
  return (
    <form class="cl-form cl-objection-form" part="objection-form" aria-labelledby={id('title')} onSubmit={(e) => void submit(e)} noValidate>
      <h4 id={id('title')}>{t.objectionTitle}</h4>
      <label class="cl-field" for={id('reason')}>
        {t.objectionReason}
      </label>
      <textarea
        id={id('reason')}
        class="cl-input"
        name="reason"
        required
        maxLength={2000}
        rows={3}
        value={reason}
        onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <label class="cl-field" for={id('contact')}>
        {t.contact}
      </label>
      <input
        id={id('contact')}
        class="cl-input"
        type="text"
        name="contact"
        required
        maxLength={200}
        value={contact}
        onInput={(e) => setContact((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="cl-actions">
        <button type="submit" class="cl-button" aria-disabled={phase === 'sending' ? 'true' : undefined}>
          {t.submitObjection}
        </button>
        <button type="button" class="cl-link-button" onClick={() => (onCancel ? onCancel() : setPhase('closed'))}>
          {t.cancel}
        </button>
      </div>
      {error && (
        <p class="cl-message cl-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
