import { useEffect, useState } from 'preact/hooks';
import { CHECK_CONTEXTS, type CheckContext } from '../../../core/api/check-context-schema.ts';
import type { StoredRecord } from '../../messaging/record-messages.ts';
import type { sendChecked } from '../../messaging/send-checked.ts';
import { glossary } from '../../../core/present/glossary.ts';
import { errorKindText, t, uiLocale } from '../../locale/translate.ts';
import { checkRecordSet } from '../../../core/record/check-record-set-schema.ts';
import { downloadRecordSet } from '../../records/export-record.ts';
import { RecordPartView } from './record-part-view.tsx';

/** A checked list that can be recorded as it is (the batch check's rows): its codes and the names given with them. */
export interface RecordableList {
  codes: string[];
  names: Record<string, string>;
}

export interface RecordSectionProps {
  /** The tab whose codes can be recorded; null until its codes are known. */
  tabId: number | null;
  /** The popup's tab, whose record is shown (its page and case only); absent: `tabId`. */
  ownerTabId?: number | null;
  send: typeof sendChecked;
  openTab: (url: string) => void;
  /** The batch check's rows, once checked: a third source of a record. */
  batch?: RecordableList | null;
}

/**
 * "生成信用查询记录": the platform checks and signs every code of the page (or of a pasted list, or
 * of the batch check's rows); the popup then offers the print-ready page, the signed JSON, CSV and
 * Excel. The record is kept by the background for this tab, its page and case reference, so
 * reopening the popup shows it again and the popup of another tab or case does not; a failed
 * attempt leaves no older record offered in its place.
 */
export function RecordSection({ tabId, ownerTabId, send, openTab, batch = null }: RecordSectionProps) {
  const owner = ownerTabId === undefined ? tabId : ownerTabId;
  const [chosen, setFrom] = useState<'tab' | 'text' | 'batch'>('tab');
  // The tab becomes available once its codes are known; until then only a pasted list can be recorded.
  const from = chosen === 'batch' ? (batch ? 'batch' : 'text') : tabId === null ? 'text' : chosen;
  const [text, setText] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const [projectName, setProjectName] = useState('');
  const [context, setContext] = useState<CheckContext | ''>('');
  const [record, setRecord] = useState<StoredRecord | null>(null);
  const [platformUrl, setPlatformUrl] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void send('getLastRecord', { tabId: owner }).then((r) => {
      setRecord(r.ok ? r.value : null);
      setLoaded(true);
    });
    void send('getSettings', undefined).then((r) => r.ok && setPlatformUrl(r.value.platformUrl));
    if (tabId !== null) void send('getCaseReference', { tabId }).then((r) => r.ok && r.value.value && setCaseReference(r.value.value));
  }, [send, tabId, owner]);

  async function create(event: Event) {
    event.preventDefault();
    if (from === 'text' && text.trim() === '') return setStatus({ text: t('batchEmpty'), error: true });
    setBusy(true);
    setStatus({ text: t('recordCreating'), error: false });
    const result = await send('createRecord', {
      tabId: from === 'tab' ? tabId : null,
      text: from === 'text' ? text : from === 'batch' && batch ? batch.codes.join('\n') : null,
      context: context || null,
      caseReference: caseReference.trim() || null,
      projectName: projectName.trim() || null,
      ownerTabId: owner,
      ...(from === 'batch' && batch && { names: batch.names }),
    });
    setBusy(false);
    if (!result.ok) {
      // The old record is not this one: nothing is left to print by mistake.
      setRecord(null);
      const text =
        result.error.kind === 'not-found'
          ? t('recordNoCodes')
          : result.error.kind === 'no-covering-platform'
            ? t('recordNoPlatform')
            : t('recordFailed', errorKindText(result.error.kind));
      return setStatus({ text, error: true });
    }
    setRecord(result.value);
    // With several platforms a code two of them cover is in both parts: count codes, not items.
    const { parts, signed } = result.value;
    const codes = parts ? new Set(parts.flatMap((part) => part.signed.record.items.map((item) => item.code))).size : signed.record.items.length;
    setStatus({ text: t('recordDone', codes), error: false });
  }

  const r = record?.signed.record;
  return (
    <section aria-labelledby="record-title" data-testid="record-section" data-loaded={loaded ? 'true' : undefined}>
      <h2 id="record-title">{t('recordTitle')}</h2>
      <form onSubmit={create} class="record-form">
        {(tabId !== null || batch) && (
          <fieldset class="row">
            <legend class="sr-only">{t('recordSourceLegend')}</legend>
            {tabId !== null && (
              <label class="inline">
                <input type="radio" name="record-from" value="tab" checked={from === 'tab'} onChange={() => setFrom('tab')} />
                {t('recordFromTab')}
              </label>
            )}
            <label class="inline">
              <input type="radio" name="record-from" value="text" checked={from === 'text'} onChange={() => setFrom('text')} />
              {t('recordFromText')}
            </label>
            {batch && (
              <label class="inline">
                <input type="radio" name="record-from" value="batch" checked={from === 'batch'} onChange={() => setFrom('batch')} />
                {t('recordFromBatch', batch.codes.length)}
              </label>
            )}
          </fieldset>
        )}
        {from === 'text' && (
          <>
            <label for="record-text">{t('batchLabel')}</label>
            <textarea id="record-text" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder={t('batchPlaceholder')} />
          </>
        )}
        <label for="record-case">{t('recordCaseLabel')}</label>
        <input id="record-case" type="text" maxLength={200} value={caseReference} onInput={(e) => setCaseReference(e.currentTarget.value)} />
        <label for="record-project">{t('recordProjectLabel')}</label>
        <input id="record-project" type="text" maxLength={200} value={projectName} onInput={(e) => setProjectName(e.currentTarget.value)} />
        <div class="row">
          <label for="record-context">{t('contextLabel')}</label>
          <select id="record-context" value={context} onChange={(e) => setContext(e.currentTarget.value as CheckContext | '')}>
            <option value="">{t('recordContextAuto')}</option>
            {CHECK_CONTEXTS.map((c) => (
              <option key={c} value={c}>
                {glossary(uiLocale()).contexts[c]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {t('recordCreate')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" data-testid="record-status" class={status?.error ? 'error' : undefined}>
        {status?.text ?? ''}
      </p>
      {record && r && (
        <div class="record" data-testid="record" data-record-id={r.recordId}>
          {record.parts && (
            <p class="record-parts" data-testid="record-parts">
              {t('recordParts')}
              {record.parts.map((part) => `${part.platformName}（${part.signed.record.items.length}）`).join('；')}
            </p>
          )}
          {(record.parts ?? [{ platformName: null, platformUrl, signed: record.signed }]).map((part) => (
            <RecordPartView
              key={part.signed.record.recordId}
              signed={part.signed}
              platformName={part.platformName}
              platformUrl={part.platformUrl}
              omitted={record.omitted}
              openTab={openTab}
            />
          ))}
          {record.parts && (
            <div class="row">
              <button type="button" onClick={() => downloadRecordSet(checkRecordSet(record.parts!))}>
                {t('recordSetJson')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
