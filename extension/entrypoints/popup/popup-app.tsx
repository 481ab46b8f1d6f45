import { useEffect, useState } from 'preact/hooks';
import { publicOnlyNote } from '../../../core/present/public-only-note.ts';
import { VerdictLegend } from '../../../core/present/verdict-legend.tsx';
import { usePolling } from './use-polling.ts';
import type { VerdictLocale } from '../../../core/verdict/verdict-labels.ts';
import type { TabFindings } from '../../messaging/protocol.ts';
import type { MessageError } from '../../messaging/result.ts';
import type { sendChecked } from '../../messaging/send-checked.ts';
import { errorKindText, t } from '../../locale/translate.ts';
import { BatchCheck } from './batch-check.tsx';
import { FindingsSummary } from './findings-summary.tsx';
import { FindingsTable } from './findings-table.tsx';
import { NameMismatches } from './name-mismatches.tsx';
import { PolicyNotice, type PolicyView } from './policy-notice.tsx';
import { RecordSection, type RecordableList } from './record-section.tsx';
import { SnapshotStatus } from './snapshot-status.tsx';

export interface PopupAppProps {
  /** The tab reported on; null when there is none (the batch box still works). */
  tabId: number | null;
  send: typeof sendChecked;
  locale: VerdictLocale;
  openOptions: () => void;
  /** How often the tab's findings are refreshed while the popup is open. */
  pollMs?: number;
  /** Opens a URL in a new tab (the record's print page). */
  openTab?: (url: string) => void;
  /** Who manages the extension and what in its policy did not apply (see policy-notice.tsx); none: nothing is said. */
  loadPolicy?: () => Promise<PolicyView | null>;
}

/** The popup: what was found on the current tab, re-check, and a batch check of pasted codes. */
export function PopupApp({ tabId, send, locale, openOptions, pollMs = 1000, openTab = (url) => void window.open(url, '_blank'), loadPolicy }: PopupAppProps) {
  const [findings, setFindings] = useState<TabFindings | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const [status, setStatus] = useState('');
  const [rechecking, setRechecking] = useState(false);
  // No department token: only the public lists are checked, and the popup says so (issue 14).
  const [publicOnly, setPublicOnly] = useState(false);
  // Several platforms (issue 17): the snapshot line of each.
  const [platforms, setPlatforms] = useState<ReadonlyArray<{ id: string; name: string }> | undefined>(undefined);
  useEffect(() => {
    void send('getSettings', undefined).then((answer) => {
      if (!answer.ok) return;
      setPublicOnly(!answer.value.hasToken);
      setPlatforms(answer.value.platforms);
    });
  }, [send]);
  const [checkedList, setCheckedList] = useState<RecordableList | null>(null);

  usePolling(
    async (isLive) => {
      if (tabId === null) return;
      const result = await send('getTabFindings', { tabId });
      if (!isLive()) return;
      if (result.ok) {
        setFindings(result.value);
        setError(null);
      } else setError(result.error);
    },
    pollMs,
    [tabId, send],
  );

  async function resume() {
    if (tabId === null) return;
    const result = await send('resumeTab', { tabId });
    setStatus(result.ok ? t('resumeDone', result.value.codes) : t('resumeFailed', errorKindText(result.error.kind)));
  }

  async function recheck() {
    if (tabId === null) return;
    setRechecking(true);
    setStatus(t('recheckRunning'));
    const result = await send('recheckTab', { tabId });
    setRechecking(false);
    setStatus(result.ok ? t('recheckDone', result.value.codes) : t('recheckFailed', errorKindText(result.error.kind)));
  }

  const defaultContext = findings?.frames[0]?.context ?? 'general';
  return (
    <div class="popup">
      <header class="bar">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={openOptions}>
          {t('openOptions')}
        </button>
      </header>
      <main>
        {loadPolicy && <PolicyNotice load={loadPolicy} />}
        {publicOnly && (
          <p class="notice public-only" role="note" data-testid="public-only-notice">
            {publicOnlyNote(locale)}
          </p>
        )}
        {tabId === null ? (
          <p>{t('noTab')}</p>
        ) : error !== null && findings === null ? (
          <p class="notice" role="status">
            {error.kind === 'not-found' ? t('tabNotChecked') : t('findingsFailed', errorKindText(error.kind))}
          </p>
        ) : findings === null ? (
          <p role="status">{t('loading')}</p>
        ) : (
          <>
            {findings.paused && (
              <div class="notice paused" role="alert" data-testid="paused-notice">
                <p>{t('pausedNotice', [findings.paused.held, findings.paused.limit])}</p>
                <button type="button" onClick={resume}>
                  {t('resumeChecking')}
                </button>
              </div>
            )}
            <FindingsSummary findings={findings.findings} locale={locale} />
            <div class="row">
              <button type="button" onClick={recheck} disabled={rechecking || findings.findings.length === 0}>
                {t('recheck')}
              </button>
              <span role="status" aria-live="polite" data-testid="recheck-status">
                {status}
              </span>
            </div>
            {findings.findings.length === 0 ? <p class="muted">{t('noCodes')}</p> : <FindingsTable findings={findings.findings} locale={locale} />}
            <NameMismatches tabId={tabId} findings={findings.findings} send={send} pollMs={pollMs} />
          </>
        )}
        <RecordSection tabId={findings && findings.findings.length > 0 ? tabId : null} ownerTabId={tabId} send={send} openTab={openTab} batch={checkedList} />
        <BatchCheck send={send} locale={locale} defaultContext={defaultContext} onChecked={setCheckedList} />
        <VerdictLegend locale={locale} sampleClass={(look) => `chip chip-${look}`} id="legend" />
        <SnapshotStatus locale={locale} pollMs={Math.max(pollMs, 1000)} platforms={platforms} />
      </main>
    </div>
  );
}
