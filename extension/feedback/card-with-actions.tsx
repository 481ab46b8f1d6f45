/**
 * The extension's detail card: core/present's SubjectCard with what closes the loop — the name
 * the page shows beside the code (mismatch flagged), a "report inaccurate information" button on
 * each entry in force and a feedback button for the measures of this context. The buttons open the
 * pinned panel (action-panel.tsx): a hover card is no place for a form. The card talks to the
 * background only (`submitObjection`, `getFeedback`, `submitFeedback`…): never to the platform,
 * never with the token.
 */
import type { ListEntry } from '../../core/api/list-entry-schema.ts';
import { cardText } from '../../core/present/card-text.ts';
import { SubjectCard, type SubjectCardProps } from '../../core/present/subject-card.tsx';
import type { sendChecked } from '../messaging/send-checked.ts';
import type { ActionPanel } from './action-panel.tsx';
import { QueuedFeedbackList } from './queued-feedback-list.tsx';

export interface CardWithActionsProps extends Omit<SubjectCardProps, 'entryActions' | 'children' | 'actions'> {
  send: typeof sendChecked;
  /** False for codes that are not valid: nothing to report on. */
  actionable: boolean;
  idPrefix: string;
  /** Where feedback and objections are filled in; null: no buttons. */
  panel?: ActionPanel | null;
}

/** SubjectCard plus the buttons that open objections and feedback in the pinned panel. */
export function CardWithActions(props: CardWithActionsProps) {
  const { send, actionable, idPrefix: _idPrefix, panel = null, ...card } = props;
  const t = cardText(card.locale);
  const offered = actionable ? (card.measures ?? []).filter((m) => !m.suspended) : [];
  const entryActions =
    actionable && panel
      ? (entry: ListEntry) => (
          <button type="button" class="cl-link-button cl-report" part="report" onClick={() => panel.open({ kind: 'objection', entry }, props)}>
            {t.reportEntry}
          </button>
        )
      : undefined;
  const actions =
    offered.length > 0 && panel ? (
      <button type="button" class="cl-button cl-open-feedback" onClick={() => panel.open({ kind: 'feedback' }, props)}>
        {t.giveFeedback}
      </button>
    ) : undefined;
  return (
    <SubjectCard {...card} {...(entryActions && { entryActions })} {...(actions && { actions })}>
      {/* With no measure to give feedback on (e.g. the platform is unreachable), what still waits is listed here. */}
      {actionable && offered.length === 0 && <QueuedFeedbackList code={card.code} locale={card.locale} send={send} />}
    </SubjectCard>
  );
}
