import type { CheckContext } from '../core/api/check-context-schema.ts';
import type { FeedbackRecord } from '../core/api/feedback-schema.ts';
import type { ObjectionRequest, ObjectionResponse } from '../core/api/objection-schema.ts';
import type { QueuedFeedback } from '../core/feedback/create-feedback-queue.ts';
import { FeedbackForm, type FeedbackFormDraft } from '../core/present/feedback-form.tsx';
import { badgeText } from '../core/present/badge-text.ts';
import { ObjectionForm } from '../core/present/objection-form.tsx';
import type { Measure } from '../core/api/measure-schema.ts';
import type { PresentLocale } from '../core/present/present-locale.ts';
import { SubjectCard } from '../core/present/subject-card.tsx';
import { VerdictBadge } from '../core/present/verdict-badge.tsx';
import { applicableMeasures } from '../core/verdict/applicable-measures.ts';
import { formatAge, verdictLabel } from '../core/verdict/verdict-labels.ts';
import type { CodeState } from './code-state.ts';

export interface CreditStatusViewProps {
  state: CodeState;
  context: CheckContext;
  locale: PresentLocale;
  platformUrl: string | null;
  now: Date;
  /** The catalogue (all contexts are filtered by `applicableMeasures`); undefined while loading, null when it failed. */
  catalogue: Measure[] | null | undefined;
  expanded: boolean;
  onToggle: () => void;
  panelId: string;
  /** The name the host shows beside the code; flagged on the badge when it is not the registered one. */
  pageName: string | null;
  nameMismatch: boolean;
  /** Feedback and objections; null when no identity (operator + token) is configured. */
  loop: CardLoop | null;
}

/** What the card needs to close the loop (section (二十四) feedback, section (二十七) objections). */
export interface CardLoop {
  reporter: string | null;
  caseReference: string;
  onCaseReferenceChange: (value: string) => void;
  queued: QueuedFeedback[];
  given: FeedbackRecord[] | null | 'unavailable';
  onSubmit: (drafts: FeedbackFormDraft[]) => Promise<void>;
  onRetry: (key: string) => void;
  onDiscard: (key: string) => void;
  objection: (request: ObjectionRequest) => Promise<ObjectionResponse>;
  onObjectionAccepted: () => void;
}

/** The accessible name of the toggle: the long verdict, the name and code, and the age when stale. */
export function statusLabel(state: CodeState, locale: PresentLocale): string {
  const { verdict, result, code } = state;
  const zh = locale === 'zh-CN';
  const parts = [`${zh ? '信用状态' : 'Credit status'}${zh ? '：' : ': '}${verdictLabel(verdict.kind, locale).long}`];
  const name = result?.subject?.name;
  if (name) parts.push(name);
  parts.push(code);
  if (verdict.stale && verdict.ageMs !== null) parts.push(formatAge(verdict.ageMs, locale));
  return parts.join(zh ? '，' : ', ');
}

/** A `<credit-status>`'s content: a compact badge that toggles the same card the extension shows. */
export function CreditStatusView(props: CreditStatusViewProps) {
  const { state, context, locale, platformUrl, now, catalogue, expanded, onToggle, panelId, pageName, nameMismatch, loop } = props;
  const measures = catalogue ? applicableMeasures(state.verdict, catalogue, context) : null;
  const bringsMeasures = state.verdict.activeEntries.length > 0 || state.verdict.disputedEntries.length > 0;
  return (
    <>
      <button
        type="button"
        class="cl-toggle"
        part="toggle"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={panelId}
        aria-label={nameMismatch ? `${statusLabel(state, locale)}${locale === 'zh-CN' ? '，' : ', '}${badgeText(locale).nameMismatch}` : statusLabel(state, locale)}
        onClick={onToggle}
      >
        <VerdictBadge verdict={state.verdict} name={state.result?.subject?.name ?? null} locale={locale} nameMismatch={nameMismatch} />
      </button>
      {expanded && (
        <div class="cl-panel" part="panel" id={panelId} role="region" aria-label={statusLabel(state, locale)}>
          <SubjectCard
            code={state.code}
            verdict={state.verdict}
            result={state.result}
            measures={measures}
            context={context}
            locale={locale}
            platformUrl={platformUrl}
            now={now}
            pageName={pageName}
            entryActions={
              loop
                ? (entry) => <ObjectionForm code={state.code} entry={entry} locale={locale} onSubmit={loop.objection} onAccepted={loop.onObjectionAccepted} idPrefix={`${panelId}-o-${entry.id}`} />
                : undefined
            }
          >
            {loop && measures && measures.some((m) => !m.suspended) && (
              <FeedbackForm
                code={state.code}
                measures={measures}
                locale={locale}
                reporter={loop.reporter}
                caseReference={loop.caseReference}
                onCaseReferenceChange={loop.onCaseReferenceChange}
                queued={loop.queued}
                given={loop.given}
                onSubmit={loop.onSubmit}
                onRetry={loop.onRetry}
                onDiscard={loop.onDiscard}
                idPrefix={`${panelId}-f`}
              />
            )}
          </SubjectCard>
          {bringsMeasures && catalogue === undefined && <p class="cl-loading">{locale === 'zh-CN' ? '正在加载措施目录…' : 'Loading the measures catalogue…'}</p>}
          {bringsMeasures && catalogue === null && (
            <p class="cl-loading">{locale === 'zh-CN' ? '措施目录暂时无法加载。' : 'The measures catalogue could not be loaded.'}</p>
          )}
        </div>
      )}
    </>
  );
}
