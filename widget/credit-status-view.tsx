import type { CheckContext } from '../core/api/check-context-schema.ts';
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
  const { state, context, locale, platformUrl, now, catalogue, expanded, onToggle, panelId } = props;
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
        aria-label={statusLabel(state, locale)}
        onClick={onToggle}
      >
        <VerdictBadge verdict={state.verdict} name={state.result?.subject?.name ?? null} locale={locale} />
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
          />
          {bringsMeasures && catalogue === undefined && <p class="cl-loading">{locale === 'zh-CN' ? '正在加载措施目录…' : 'Loading the measures catalogue…'}</p>}
          {bringsMeasures && catalogue === null && (
            <p class="cl-loading">{locale === 'zh-CN' ? '措施目录暂时无法加载。' : 'The measures catalogue could not be loaded.'}</p>
          )}
        </div>
      )}
    </>
  );
}
