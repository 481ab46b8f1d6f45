/**
 * Section (二十四) feedback for one code, as the pinned panel shows it: the form, what waits in the
 * queue and what was already given for the case. It talks to the background only (`getFeedback`,
 * `submitFeedback`, `setCaseReference`, `retryFeedback`, `discardFeedback`).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QueuedFeedback } from '../../core/feedback/create-feedback-queue.ts';
import { FeedbackForm, type FeedbackFormDraft } from '../../core/present/feedback-form.tsx';
import type { FeedbackView } from '../messaging/feedback-messages.ts';
import type { CardWithActionsProps } from './card-with-actions.tsx';

const waiting = (queued: QueuedFeedback[]): boolean => queued.some((q) => q.status !== 'failed');

/** The feedback form of `code`, loaded from the background and followed while something waits. */
export function FeedbackSection({ code, measures, locale, context, send, idPrefix }: CardWithActionsProps) {
  const [view, setView] = useState<FeedbackView | null>(null);
  // null: the tab's remembered case reference (the background knows it).
  const [caseReference, setCaseReference] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  async function load(reference: string | null): Promise<void> {
    const answer = await send('getFeedback', { code, caseReference: reference });
    if (answer.ok) setView(answer.value);
    else
      setView((before) => ({
        code,
        reporter: before?.reporter ?? null,
        caseReference: reference ?? before?.caseReference ?? '',
        queued: before?.queued ?? [],
        given: 'unavailable',
      }));
  }

  useEffect(() => void load(caseReference), [code]);
  // While something waits, follow it: the background sends it as soon as the platform answers.
  useEffect(() => {
    if (!view || !waiting(view.queued)) return;
    // Not while the panel is closed: that would keep the worker awake.
    const timer = setInterval(() => box.current?.getClientRects().length && void load(caseReference), 2000);
    return () => clearInterval(timer);
  }, [view && waiting(view.queued), caseReference, code]);

  if (!view) return null;

  async function submit(drafts: FeedbackFormDraft[]): Promise<void> {
    const answer = await send('submitFeedback', { drafts, context });
    if (!answer.ok) throw new Error(answer.error.message);
    setCaseReference(drafts[0]!.caseReference);
    setView((before) => ({ ...(before ?? answer.value), queued: answer.value.queued, caseReference: drafts[0]!.caseReference }));
  }

  return (
    <div ref={box} class="cl-feedback-box">
      <FeedbackForm
        code={code}
        measures={(measures ?? []).filter((m) => !m.suspended)}
        locale={locale}
        reporter={view.reporter}
        caseReference={view.caseReference}
        onCaseReferenceChange={(value) => {
          setCaseReference(value);
          void send('setCaseReference', { value, source: 'typed' });
          void load(value);
        }}
        queued={view.queued}
        given={view.given}
        onSubmit={submit}
        onRetry={(idempotencyKey) => void send('retryFeedback', { idempotencyKey }).then(() => load(caseReference))}
        onDiscard={(idempotencyKey) => void send('discardFeedback', { idempotencyKey }).then(() => load(caseReference))}
        idPrefix={`${idPrefix}-fb`}
      />
    </div>
  );
}
