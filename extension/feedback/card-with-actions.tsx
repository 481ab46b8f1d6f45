/**
 * The extension's detail card: core/present's SubjectCard with what closes the loop — the name
 * the page shows beside the code (mismatch flagged), "report inaccurate information" on each
 * entry in force, and the feedback section for the measures of this context. The card talks to
 * the background only (`submitObjection`, `getFeedback`, `submitFeedback`…): never to the
 * platform, never with the token.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CreditError, type CreditErrorKind } from '../../core/api/credit-error.ts';
import type { ListEntry } from '../../core/api/list-entry-schema.ts';
import type { ObjectionRequest, ObjectionResponse } from '../../core/api/objection-schema.ts';
import type { QueuedFeedback } from '../../core/feedback/create-feedback-queue.ts';
import { FeedbackForm, type FeedbackFormDraft } from '../../core/present/feedback-form.tsx';
import { ObjectionForm } from '../../core/present/objection-form.tsx';
import { SubjectCard, type SubjectCardProps } from '../../core/present/subject-card.tsx';
import type { FeedbackView } from '../messaging/feedback-messages.ts';
import type { sendChecked } from '../messaging/send-checked.ts';
import { QueuedFeedbackList } from './queued-feedback-list.tsx';

export interface CardWithActionsProps extends Omit<SubjectCardProps, 'entryActions' | 'children'> {
  send: typeof sendChecked;
  /** False for codes that are not valid: nothing to report on. */
  actionable: boolean;
  idPrefix: string;
}

/** SubjectCard plus objections and feedback. */
export function CardWithActions(props: CardWithActionsProps) {
  const { send, actionable, idPrefix, ...card } = props;
  const offered = actionable ? (card.measures ?? []).filter((m) => !m.suspended) : [];
  const entryActions = actionable
    ? (entry: ListEntry) => (
        <ObjectionForm
          code={card.code}
          entry={entry}
          locale={card.locale}
          idPrefix={`${idPrefix}-obj-${entry.id}`}
          onSubmit={(req) => submitObjection(send, req)}
        />
      )
    : undefined;
  return (
    <SubjectCard {...card} {...(entryActions && { entryActions })}>
      {offered.length > 0 ? <FeedbackSection {...props} /> : actionable && <QueuedFeedbackList code={card.code} locale={card.locale} send={send} />}
    </SubjectCard>
  );
}

async function submitObjection(send: typeof sendChecked, request: ObjectionRequest): Promise<ObjectionResponse> {
  const answer = await send('submitObjection', request);
  if (!answer.ok) throw new CreditError('offline', answer.error.message);
  if (answer.value.accepted) return answer.value.response;
  const { kind, status, message } = answer.value;
  throw new CreditError(kind as CreditErrorKind, message, status === null ? {} : { status });
}

const waiting = (queued: QueuedFeedback[]): boolean => queued.some((q) => q.status !== 'failed');

function FeedbackSection({ code, measures, locale, context, send, idPrefix }: CardWithActionsProps) {
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
    // Not while the card is closed (it stays mounted, hidden): that would keep the worker awake.
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
        measures={measures ?? []}
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
