import { glossary } from '../../../core/present/glossary.ts';
import { verdictLabel, type VerdictLocale } from '../../../core/verdict/verdict-labels.ts';
import type { TabFinding } from '../../messaging/protocol.ts';
import { t } from '../../locale/translate.ts';
import { lookName } from '../../../core/present/look-name.ts';
import { countByLook } from '../../../core/verdict/verdict-strength.ts';

/** Counts per verdict for the codes on the page (and how many codes look mistyped), as a list screen readers read in one go. */
export function FindingsSummary({ findings, locale }: { findings: TabFinding[]; locale: VerdictLocale }) {
  const counts = countByLook(findings);
  // Counted with their verdict too, but never hidden inside "not listed": the check character is wrong.
  const suspect = findings.filter((f) => f.validity === 'suspect').length;
  // Asked for, not answered yet (cold start, a slow platform): said in words, never counted as none.
  const checking = findings.filter((f) => f.kind === 'pending').length;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('summaryTitle', findings.length)}</h2>
      {counts.length > 0 && (
        <ul class="summary" data-testid="summary">
          {counts.map(({ look, count }) => {
            // "Not listed" from the public lists alone says so: it is not the platform's full clear.
            const { symbol, name } = lookName(look, locale);
            return (
              <li key={look} class={`summary-item chip-${look}`} data-verdict={look}>
                <span aria-hidden="true">{symbol}</span> {name}
                <strong class="summary-count">{count}</strong>
              </li>
            );
          })}
          {suspect > 0 && (
            <li class="summary-item chip-suspect" data-verdict="suspect">
              <span aria-hidden="true">{verdictLabel('invalid', locale).symbol}</span> {glossary(locale).suspect.short}
              <strong class="summary-count">{suspect}</strong>
            </li>
          )}
        </ul>
      )}
      {checking > 0 && (
        <p class="notice checking" role="status" data-testid="checking-notice">
          {locale === 'en'
            ? `Still checking ${checking} code${checking === 1 ? '' : 's'} with the credit platform; until answered they are not clear.`
            : `仍在向信用平台核查 ${checking} 个代码，结果返回前不能视为“未列入”。`}
        </p>
      )}
    </section>
  );
}
