import { useState } from 'preact/hooks';
import { usePolling } from './use-polling.ts';
import { compareNames } from '../../../core/names/compare-names.ts';
import type { TabNames } from '../../messaging/page-names-messages.ts';
import type { TabFinding } from '../../messaging/protocol.ts';
import type { sendChecked } from '../../messaging/send-checked.ts';
import { t } from '../../locale/translate.ts';

export interface NameMismatchesProps {
  tabId: number;
  findings: TabFinding[];
  send: typeof sendChecked;
  pollMs?: number;
}

/**
 * Codes whose name on the page is not their registered name (三要素): a wrong code beside a real
 * company name is how a black-listed bidder slips through, so they are listed on their own.
 */
export function NameMismatches({ tabId, findings, send, pollMs = 1000 }: NameMismatchesProps) {
  const [names, setNames] = useState<TabNames | null>(null);
  usePolling(
    async (isLive) => {
      const result = await send('getTabNames', { tabId });
      if (isLive() && result.ok) setNames(result.value);
    },
    pollMs,
    [tabId, send],
  );

  const registered = new Map(findings.map((f) => [f.code, f.name]));
  const rows = (names?.codes ?? []).filter((row) => compareNames(row.pageName, registered.get(row.code)) === 'mismatch');
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="mismatch-title" class="mismatches">
      <h2 id="mismatch-title">{`⚠ ${t('mismatchTitle', rows.length)}`}</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="mismatch-caption">
        <table class="codes" data-testid="name-mismatches">
          <caption id="mismatch-caption">{t('mismatchCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columnCode')}</th>
              <th scope="col">{t('columnPageName')}</th>
              <th scope="col">{t('columnRegisteredName')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} data-code={row.code}>
                <th scope="row" class="code">
                  {row.code}
                </th>
                <td>{row.pageName}</td>
                <td>{registered.get(row.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
