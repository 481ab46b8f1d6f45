import type { ComponentChildren } from 'preact';
import type { ListEntry } from '../api/list-entry-schema.ts';
import type { PresentLocale } from './present-locale.ts';
import { presentText } from './present-text.ts';

export interface EntryItemProps {
  entry: ListEntry;
  locale: PresentLocale;
  /** Controls for this entry (e.g. an ObjectionForm), after its facts. */
  actions?: ComponentChildren;
}

/** One red- or black-list entry: list, category, facts, 认定部门, dates, objection and monitoring state — all as text. */
export function EntryItem({ entry, locale, actions }: EntryItemProps) {
  const t = presentText(locale);
  return (
    <li class={`cl-entry cl-entry-${entry.list}`} part={`entry entry-${entry.list}`} data-entry-id={entry.id}>
      <div class="cl-entry-head">
        <span class="cl-entry-list">{entry.list === 'black' ? t.black : t.red}</span>
        <span class="cl-entry-category">{entry.category}</span>
      </div>
      <dl class="cl-facts">
        <dt>{t.facts}</dt>
        <dd>{entry.facts}</dd>
        <dt>{t.department}</dt>
        <dd>{entry.department}</dd>
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
            <dd>{entry.documentNumber}</dd>
          </>
        )}
        <dt>{t.legalBasis}</dt>
        <dd>{entry.legalBasis}</dd>
        {entry.objection !== null && (
          <>
            <dt>{t.objection}</dt>
            <dd class={`cl-objection cl-objection-${entry.objection.status}`} part="objection">
              {t.objectionStatus[entry.objection.status]}
            </dd>
          </>
        )}
        {entry.persons.length > 0 && (
          <>
            <dt>{t.persons}</dt>
            <dd>{entry.persons.map((p) => `${p.role}：${p.name}`).join(locale === 'en' ? '; ' : '；')}</dd>
          </>
        )}
      </dl>
      {actions}
    </li>
  );
}
