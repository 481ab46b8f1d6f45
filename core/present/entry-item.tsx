import type { ComponentChildren } from 'preact';
import type { ListEntry } from '../api/list-entry-schema.ts';
import type { PresentLocale } from './present-locale.ts';
import { presentText } from './present-text.ts';
import { DATA_LANG } from './data-lang.ts';

export interface EntryItemProps {
  entry: ListEntry;
  locale: PresentLocale;
  /** Listed for a date still to come: shown as 未生效 (not yet in force); the verdict ignores it. */
  upcoming?: boolean;
  /** Controls for this entry (e.g. an ObjectionForm), after its facts. */
  actions?: ComponentChildren;
  /** The display name of the platform that answered this entry, when several are configured (issue 17). */
  source?: string | null;
}

/**
 * One red- or black-list entry: list, category, facts, 认定部门, dates, objection, repair and
 * monitoring state, and for a black entry the persons it reaches (落实到人, masked as the platform
 * sent them for the caller's role) — all as text.
 */
export function EntryItem({ entry, locale, actions, upcoming = false, source = null }: EntryItemProps) {
  const t = presentText(locale);
  const repairPending = entry.repair?.status === 'pending';
  const persons = entry.list === 'black' ? entry.persons : [];
  return (
    <li class={`cl-entry cl-entry-${entry.list}${upcoming ? ' cl-entry-upcoming' : ''}`} part={`entry entry-${entry.list}`} data-entry-id={entry.id}>
      <div class="cl-entry-head">
        <span class="cl-entry-list">{entry.list === 'black' ? t.black : t.red}</span>
        <span class="cl-entry-category" lang={DATA_LANG}>
          {entry.category}
        </span>
        {source !== null && (
          <span class="cl-entry-source" part="entry-source">
            {locale === 'en' ? 'from ' : '来源：'}
            <span lang={DATA_LANG}>{source}</span>
          </span>
        )}
        {upcoming && (
          <span class="cl-entry-upcoming-note" part="upcoming">
            {t.upcoming}
          </span>
        )}
      </div>
      {repairPending && (
        <p class="cl-repair cl-repair-pending" part="repair">
          {t.repairPending}
        </p>
      )}
      <dl class="cl-facts">
        <dt>{t.facts[entry.list]}</dt>
        <dd lang={DATA_LANG}>{entry.facts}</dd>
        <dt>{t.department}</dt>
        <dd lang={DATA_LANG}>{entry.department}</dd>
        <dt>{t.listedOn}</dt>
        <dd>{entry.listedOn}</dd>
        <dt>{t.validUntil}</dt>
        <dd>{entry.validUntil ?? t.noEnd}</dd>
        {entry.monitoringUntil !== null && (
          <>
            <dt>{t.monitoringUntil}</dt>
            <dd>{entry.monitoringUntil}</dd>
          </>
        )}
        {entry.documentNumber !== null && (
          <>
            <dt>{t.documentNumber}</dt>
            <dd lang={DATA_LANG}>{entry.documentNumber}</dd>
          </>
        )}
        <dt>{t.legalBasis}</dt>
        <dd lang={DATA_LANG}>{entry.legalBasis}</dd>
        {entry.objection !== null && (
          <>
            <dt>{t.objection}</dt>
            <dd class={`cl-objection cl-objection-${entry.objection.status}`} part="objection">
              {t.objectionStatus[entry.objection.status]}
            </dd>
          </>
        )}
        {persons.length > 0 && (
          <>
            <dt>{t.persons}</dt>
            <dd class="cl-persons" part="persons" lang={DATA_LANG}>
              {persons.map((p) => `${p.role}：${p.name}${p.idNumber ? `（${p.idNumber}）` : ''}`).join(locale === 'en' ? '; ' : '；')}
            </dd>
          </>
        )}
      </dl>
      {actions}
    </li>
  );
}
