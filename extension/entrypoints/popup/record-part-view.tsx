import type { StoredRecord } from '../../messaging/record-messages.ts';
import { chinaDateTimeSeconds } from '../../../core/time/china-time.ts';
import { t, uiLocale } from '../../locale/translate.ts';
import { downloadRecord, openPrintView } from '../../records/export-record.ts';

/** An instant as Beijing time, the way the printed record shows it. */
function beijingTime(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : chinaDateTimeSeconds(new Date(iso));
}

export interface RecordPartViewProps {
  signed: StoredRecord['signed'];
  /** The platform that signed it, with several platforms; null: the one configured platform. */
  platformName: string | null;
  platformUrl: string | null;
  omitted: number;
  openTab: (url: string) => void;
}

/** One signed record (or one platform's part): its facts, and print, JSON, CSV and Excel of it. */
export function RecordPartView({ signed, platformName, platformUrl, omitted, openTab }: RecordPartViewProps) {
  const r = signed.record;
  return (
    <div class="record-part" data-testid="record-part" data-record-id={r.recordId}>
      {platformName && <h3 class="record-part-title">{platformName}</h3>}
      <dl class="record-facts">
        <dt>{t('recordId')}</dt>
        <dd class="code">{r.recordId}</dd>
        <dt>{t('recordIssued')}</dt>
        <dd>{beijingTime(r.issuedAt)}</dd>
        <dt>{t('recordCodes')}</dt>
        <dd>
          {r.items.length}
          {omitted > 0 && ` ${t('recordOmitted', omitted)}`}
        </dd>
        <dt>{t('recordData')}</dt>
        <dd>{`${beijingTime(r.asOf)} · v${r.dataVersion}`}</dd>
        <dt>{t('recordWho')}</dt>
        <dd>{[r.operator, r.department].filter(Boolean).join(' · ')}</dd>
      </dl>
      <div class="row">
        <button type="button" disabled={platformUrl === null} onClick={() => platformUrl && openPrintView(signed, platformUrl, openTab, document, uiLocale())}>
          {t('recordPrint')}
        </button>
        <button type="button" onClick={() => void downloadRecord(signed, 'json')}>
          {t('recordJson')}
        </button>
        <button type="button" onClick={() => void downloadRecord(signed, 'csv')}>
          {t('recordCsv')}
        </button>
        <button type="button" onClick={() => void downloadRecord(signed, 'xlsx', document, uiLocale())}>
          {t('recordXlsx')}
        </button>
      </div>
    </div>
  );
}
