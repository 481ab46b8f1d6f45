import type { ComponentChildren } from 'preact';
import type { CheckContext } from '../api/check-context-schema.ts';
import type { ListEntry } from '../api/list-entry-schema.ts';
import type { StatusResult } from '../api/status-schema.ts';
import type { ApplicableMeasure } from '../verdict/applicable-measures.ts';
import { chinaDate } from '../verdict/china-date.ts';
import { entryStanding } from '../verdict/effective-state.ts';
import { describeReason, formatAge } from '../verdict/verdict-labels.ts';
import { entryPlatform } from '../platforms/merge-platform-verdicts.ts';
import { platformLinesText } from '../platforms/platform-lines-text.ts';
import { SINGLE_PLATFORM_ID } from '../platforms/platform-config-schema.ts';
import type { Verdict } from '../verdict/verdict-types.ts';
import { stripControlsDeep } from '../text/strip-controls.ts';
import { cardText } from './card-text.ts';
import { EntryItem } from './entry-item.tsx';
import { formatInstant } from './format-instant.ts';
import { MeasureList } from './measure-list.tsx';
import { NameMismatchNotice } from './name-mismatch-notice.tsx';
import { orderMeasures } from './order-measures.ts';
import type { PresentLocale } from './present-locale.ts';
import { presentText } from './present-text.ts';
import { subjectLink } from './subject-link.ts';
import { taskLine } from './task-line.ts';
import { VerdictBadge } from './verdict-badge.tsx';
import { DATA_LANG } from './data-lang.ts';

export interface SubjectCardProps {
  /** The normalized code. */
  code: string;
  verdict: Verdict;
  /** The platform's answer the verdict rests on; null while pending or when no answer came. */
  result: StatusResult | null;
  /** From `applicableMeasures(verdict, catalogue, context)`; null while the catalogue is loading (section hidden). */
  measures: ApplicableMeasure[] | null;
  context: CheckContext;
  locale: PresentLocale;
  /** Origin of the credit platform; the card links to `${platformUrl}/subjects/${code}` (http(s) only). */
  platformUrl?: string | null;
  now: Date;
  /** Optional id for the root, so a toggle button can point `aria-controls` at it. */
  id?: string;
  /** The name the page shows beside the code; a mismatch with the registered name is flagged. */
  pageName?: string | null;
  /** Controls per entry in force (e.g. ObjectionForm for "report inaccurate information"). */
  entryActions?: (entry: ListEntry) => ComponentChildren;
  /** Buttons after the entries (e.g. one that opens feedback in a pinned panel). */
  actions?: ComponentChildren;
  /** More sections after the entries (e.g. FeedbackForm). */
  children?: ComponentChildren;
}

/**
 * Everything a member of staff needs to act on one subject, in the order they need it: name and
 * verdict, one line saying what this page's task must do (本事项应…… , from the most specific
 * measure of the context), why, the measures of the context (most specific first, the basis they
 * share once and folded), then each entry in force / under objection / monitored, and when the
 * answer was given. Shared by the extension's card and the widget. Platform text is text only.
 */
export function SubjectCard(props: SubjectCardProps) {
  const { code, context, locale, platformUrl, now, id, pageName, entryActions, actions, children } = props;
  // Platform data is text to show: bidi overrides and zero-width characters in it are dropped
  // (a U+202E once showed a masked ID number reversed).
  const { verdict, result, measures } = stripControlsDeep({ verdict: props.verdict, result: props.result, measures: props.measures });
  const t = presentText(locale);
  const name = result?.subject?.name ?? null;
  const href = subjectLink(platformUrl, code);
  const asOf = verdict.asOf ?? result?.asOf ?? null;
  const ageMs = asOf === null ? null : Math.max(0, now.getTime() - Date.parse(asOf));
  // Listed for a date to come: not in force, so the verdict ignores them, but staff should know.
  const upcoming =
    verdict.kind === 'unknown' || verdict.kind === 'pending' ? [] : (result?.entries ?? []).filter((e) => entryStanding(e, chinaDate(now)) === 'upcoming');
  const showMeasures = measures !== null && (verdict.kind === 'black' || verdict.kind === 'disputed' || verdict.kind === 'red');
  const ordered = showMeasures ? orderMeasures(measures, context) : [];
  const c = cardText(locale);
  const checking = verdict.kind === 'pending';
  // Several platforms (issue 17): which platform answered what, and each entry's source; a single platform says nothing new.
  const lines = verdict.platforms && !(verdict.platforms.length === 1 && verdict.platforms[0]!.platformId === SINGLE_PLATFORM_ID) ? verdict.platforms : null;
  const sourceOf = lines ? (entry: ListEntry) => entryPlatform(lines, entry.id)?.name ?? null : undefined;
  return (
    <article class={`cl-card cl-card-${verdict.kind}`} part="card" id={id} lang={locale} data-verdict={verdict.kind} aria-busy={checking ? 'true' : undefined}>
      <header class="cl-card-head" part="card-header">
        <h2 class="cl-card-name" lang={name === null ? undefined : DATA_LANG}>
          {/* No answer yet (the snapshot's verdict, or checking): the name is not known, not "unregistered". */}
          {name ?? (result || verdict.kind === 'invalid' ? t.unnamed : t.nameToCome)}
        </h2>
        <div class="cl-card-code" aria-label={t.code}>
          {code}
        </div>
        <VerdictBadge verdict={verdict} locale={locale} />
      </header>
      {showMeasures && (
        <p class="cl-task" part="task">
          {taskLine(ordered, locale)}
        </p>
      )}
      {checking && (
        <p class="cl-checking" part="checking" role="status">
          <strong>{c.checkingTitle}</strong>
          {locale === 'en' ? ` — ${c.checkingNote}` : `：${c.checkingNote}`}
        </p>
      )}
      <NameMismatchNotice pageName={pageName} registeredName={name} locale={locale} />
      {!checking && (
        <p class="cl-reason" part="reason">
          {describeReason(verdict, locale)}
        </p>
      )}
      {lines && (
        <p class="cl-platforms" part="platforms">
          {platformLinesText(lines, locale)}
        </p>
      )}
      {showMeasures && <MeasureList measures={ordered} context={context} locale={locale} />}
      <EntrySection title={t.activeEntries} entries={verdict.activeEntries} locale={locale} kind="active" actions={entryActions} sourceOf={sourceOf} />
      <EntrySection title={t.disputedEntries} entries={verdict.disputedEntries} locale={locale} kind="disputed" sourceOf={sourceOf} />
      <EntrySection title={t.watchEntries} entries={verdict.watchEntries} locale={locale} kind="watch" sourceOf={sourceOf} />
      <EntrySection title={t.upcomingEntries} entries={upcoming} locale={locale} kind="upcoming" sourceOf={sourceOf} />
      {actions !== undefined && actions !== null && actions !== false && (
        <div class="cl-card-actions" part="card-actions">
          {actions}
        </div>
      )}
      {children}
      <footer class="cl-card-foot" part="card-footer">
        {asOf !== null && (
          <span class="cl-as-of">
            {`${t.answeredAt}：${formatInstant(asOf)}`}
            {ageMs !== null && !Number.isNaN(ageMs) && `（${formatAge(ageMs, locale)}）`}
          </span>
        )}
        {href !== null && (
          <a class="cl-link" part="link" href={href} target="_blank" rel="noopener noreferrer">
            {t.openPlatform}
          </a>
        )}
      </footer>
    </article>
  );
}

function EntrySection(props: {
  title: string;
  entries: ListEntry[];
  locale: PresentLocale;
  kind: string;
  actions?: ((entry: ListEntry) => ComponentChildren) | undefined;
  sourceOf?: ((entry: ListEntry) => string | null) | undefined;
}) {
  const upcoming = props.kind === 'upcoming';
  if (props.entries.length === 0) return null;
  return (
    <section class={`cl-entries cl-entries-${props.kind}`} part="entries">
      <h3>{props.title}</h3>
      <ul>
        {props.entries.map((entry) => (
          <EntryItem
            key={entry.id}
            entry={entry}
            locale={props.locale}
            actions={props.actions?.(entry)}
            upcoming={upcoming}
            source={props.sourceOf?.(entry) ?? null}
          />
        ))}
      </ul>
    </section>
  );
}
