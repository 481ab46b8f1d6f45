import { useRef, useState } from 'preact/hooks';
import type { FeedbackOutcome, FeedbackRecord } from '../api/feedback-schema.ts';
import type { FeedbackFormDraft } from '../feedback/feedback-form-draft-schema.ts';
import type { QueuedFeedback } from '../feedback/queued-feedback-schema.ts';
import type { ApplicableMeasure } from '../verdict/applicable-measures.ts';
import { formatInstant } from './format-instant.ts';
import { formText } from './form-text.ts';
import type { PresentLocale } from './present-locale.ts';

export type { FeedbackFormDraft } from '../feedback/feedback-form-draft-schema.ts';

export interface FeedbackFormProps {
  code: string;
  /** From `applicableMeasures`; suspended ones (entry under objection) are not offered. */
  measures: ApplicableMeasure[];
  locale: PresentLocale;
  /** Who reports: operator and department from the configured identity, shown as text. */
  reporter: string | null;
  /** The case reference to start with (e.g. the last one typed on this page). */
  caseReference: string;
  /** Called when the case reference is committed (change event), to load what was given for it. */
  onCaseReferenceChange?: (value: string) => void;
  /** This code's items in the queue: waiting or refused. */
  queued: QueuedFeedback[];
  /** Feedback already on the platform for this code and case; null while loading, 'unavailable' when it failed. */
  given: FeedbackRecord[] | null | 'unavailable';
  onSubmit: (drafts: FeedbackFormDraft[]) => Promise<void> | void;
  onRetry?: (idempotencyKey: string) => void;
  onDiscard?: (idempotencyKey: string) => void;
  /** Unique per card: prefixes ids and radio names. */
  idPrefix: string;
}

type Choice = FeedbackOutcome | 'skip';

/**
 * Section (二十四) feedback from the card: per applicable measure applied / not applicable (with a
 * reason) / exempted, one case reference and an optional note; below it what waits in the queue
 * and what was already reported for this case. Platform text is rendered as text only.
 */
export function FeedbackForm(props: FeedbackFormProps) {
  const { code, locale, idPrefix, queued, given } = props;
  const t = formText(locale);
  const offered = props.measures.filter((m) => !m.suspended);
  const [caseReference, setCaseReference] = useState(props.caseReference);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  /** Set in the same call as the send starts: a second submit before the re-render finds it (state would still say idle). */
  const sending = useRef(false);
  const itemOf = (measureId: string) => props.measures.find((m) => m.measure.id === measureId)?.measure.item ?? measureId;

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (sending.current) return;
    const reference = caseReference.trim();
    if (!reference) return setMessage({ text: t.needCase, error: true });
    const chosen = offered.filter((m) => (choices[m.measure.id] ?? 'skip') !== 'skip');
    if (chosen.length === 0) return setMessage({ text: t.needChoice, error: true });
    const missing = chosen.find((m) => choices[m.measure.id] === 'not-applicable' && !(reasons[m.measure.id] ?? '').trim());
    if (missing) return setMessage({ text: t.needReason(missing.measure.item), error: true });
    const drafts: FeedbackFormDraft[] = chosen.map(({ measure, entry }) => {
      const outcome = choices[measure.id] as FeedbackOutcome;
      return {
        code,
        entryId: entry.id,
        measureId: measure.id,
        outcome,
        reason: outcome === 'not-applicable' ? (reasons[measure.id] ?? '').trim() : null,
        caseReference: reference,
        note: note.trim() || null,
      };
    });
    sending.current = true;
    setBusy(true);
    setMessage({ text: t.sending, error: false });
    try {
      await props.onSubmit(drafts);
      setChoices({});
      setReasons({});
      setNote('');
      setMessage({ text: t.queued(drafts.length), error: false });
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  const id = (suffix: string) => `${idPrefix}-${suffix}`;
  return (
    <section class="cl-feedback" part="feedback" aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t.feedbackTitle}</h3>
      {props.reporter && <p class="cl-identity">{t.reporter(props.reporter)}</p>}
      <form class="cl-form" onSubmit={(e) => void submit(e)} noValidate>
        <label class="cl-field" for={id('case')}>
          {t.caseReference}
        </label>
        <input
          id={id('case')}
          class="cl-input"
          type="text"
          name="caseReference"
          required
          maxLength={200}
          aria-describedby={id('case-hint')}
          value={caseReference}
          onInput={(e) => setCaseReference((e.currentTarget as HTMLInputElement).value)}
          onChange={(e) => props.onCaseReferenceChange?.((e.currentTarget as HTMLInputElement).value.trim())}
        />
        <p class="cl-hint" id={id('case-hint')}>
          {t.caseReferenceHint}
        </p>
        {offered.map(({ measure }) => {
          const choice = choices[measure.id] ?? 'skip';
          const group = id(`m-${measure.id}`);
          return (
            <fieldset key={measure.id} class="cl-choice" data-measure-id={measure.id}>
              <legend>{measure.item}</legend>
              {(['applied', 'not-applicable', 'exempted', 'skip'] as const).map((value) => (
                <label key={value} class="cl-radio">
                  <input type="radio" name={group} value={value} checked={choice === value} onChange={() => setChoices({ ...choices, [measure.id]: value })} />
                  {value === 'skip' ? t.skip : t.outcome[value]}
                </label>
              ))}
              {choice === 'not-applicable' && (
                <>
                  <label class="cl-field" for={`${group}-reason`}>
                    {t.reason}
                  </label>
                  <textarea
                    id={`${group}-reason`}
                    class="cl-input"
                    name="reason"
                    required
                    maxLength={2000}
                    rows={2}
                    value={reasons[measure.id] ?? ''}
                    onInput={(e) => setReasons({ ...reasons, [measure.id]: (e.currentTarget as HTMLTextAreaElement).value })}
                  />
                </>
              )}
            </fieldset>
          );
        })}
        <label class="cl-field" for={id('note')}>
          {t.note}
        </label>
        <textarea
          id={id('note')}
          class="cl-input"
          name="note"
          maxLength={2000}
          rows={2}
          value={note}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div class="cl-actions">
          {/* aria-disabled, not disabled: a disabled button drops the keyboard user's focus to the page. */}
          <button type="submit" class="cl-button" aria-disabled={busy ? 'true' : undefined}>
            {t.submitFeedback}
          </button>
        </div>
        {message && (
          <p class={message.error ? 'cl-message cl-error' : 'cl-message'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </form>
      {queued.length > 0 && (
        <section class="cl-queued" part="feedback-pending">
          <h4>{t.pendingTitle}</h4>
          <ul>
            {queued.map((q) => (
              <li key={q.request.idempotencyKey} class={`cl-queued-item cl-queued-${q.status}`} data-status={q.status}>
                {`${itemOf(q.request.measureId)}：${t.outcome[q.request.outcome]}（${q.request.caseReference}）— `}
                {q.status === 'failed' ? t.failed(q.error?.message ?? '') : t.waiting}
                {q.status === 'failed' && props.onRetry && (
                  <button type="button" class="cl-link-button" onClick={() => props.onRetry?.(q.request.idempotencyKey)}>
                    {t.retry}
                  </button>
                )}
                {q.status === 'failed' && props.onDiscard && (
                  <button type="button" class="cl-link-button" onClick={() => props.onDiscard?.(q.request.idempotencyKey)}>
                    {t.discard}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="cl-given" part="feedback-given">
        <h4>{t.givenTitle}</h4>
        {given === null ? (
          <p class="cl-hint">{t.givenLoading}</p>
        ) : given === 'unavailable' ? (
          <p class="cl-hint">{t.givenUnavailable}</p>
        ) : given.length === 0 ? (
          <p class="cl-hint">{t.givenNone}</p>
        ) : (
          <ul>
            {given.map((f) => (
              <li key={f.id} class="cl-given-item" data-measure-id={f.measureId} data-outcome={f.outcome}>
                {`${itemOf(f.measureId)}：${t.outcome[f.outcome]}${f.reason ? `（${f.reason}）` : ''} — ${f.department}${f.operator ? ` ${f.operator}` : ''}，${formatInstant(f.receivedAt)}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
