import type { VerdictLocale } from '../../../core/verdict/verdict-labels.ts';
import type { TabFinding } from '../../messaging/protocol.ts';
import { glossary } from '../../../core/present/glossary.ts';
import { t } from '../../locale/translate.ts';
import { VerdictChip } from './verdict-chip.tsx';
import { verdictRank } from '../../../core/verdict/verdict-strength.ts';

/**
 * The codes found on the page, most urgent first. A real table (caption, header cells) so screen
 * readers announce column names; the scroll box is focusable so the keyboard can scroll it.
 */
export function FindingsTable({ findings, locale }: { findings: TabFinding[]; locale: VerdictLocale }) {
  const rows = [...findings].sort((a, b) => verdictRank(a.kind) - verdictRank(b.kind) || a.code.localeCompare(b.code));
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="findings-caption">
      <table class="codes" data-testid="findings">
        <caption id="findings-caption">{t('findingsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columnCode')}</th>
            <th scope="col">{t('columnName')}</th>
            <th scope="col">{t('columnVerdict')}</th>
            <th scope="col">{t('columnCount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((finding) => (
            <tr key={finding.code} data-code={finding.code} data-verdict={finding.kind}>
              <th scope="row" class="code">
                {finding.code}
              </th>
              <td>{finding.name ?? <span class="muted">{glossary(locale).unnamed}</span>}</td>
              <td>
                <VerdictChip kind={finding.look ?? finding.kind} locale={locale} suspect={finding.validity === 'suspect'} />
              </td>
              <td class="num">{finding.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
