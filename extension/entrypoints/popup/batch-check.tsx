import { useEffect, useRef, useState } from 'preact/hooks';
import { CHECK_CONTEXTS, type CheckContext } from '../../../core/api/check-context-schema.ts';
import { compareNames } from '../../../core/names/compare-names.ts';
import { readBidderRows, splitSheetText, type BidderSheet } from '../../../core/sheet/read-bidder-rows.ts';
import { verdictLabel, type VerdictLocale } from '../../../core/verdict/verdict-labels.ts';
import { verdictLook } from '../../../core/verdict/verdict-look.ts';
import type { BatchState, CodeView } from '../../messaging/protocol.ts';
import type { sendChecked } from '../../messaging/send-checked.ts';
import { glossary } from '../../../core/present/glossary.ts';
import { errorKindText, t } from '../../locale/translate.ts';
import { downloadBlob } from '../../sheets/download-blob.ts';
import { readSheetFile } from '../../sheets/read-sheet-file.ts';
import { tableToXlsx } from '../../sheets/table-to-xlsx.ts';
import type { RecordableList } from './record-section.tsx';
import { VerdictChip } from './verdict-chip.tsx';
import { DATA_LANG } from '../../../core/present/data-lang.ts';

export interface BatchCheckProps {
  send: typeof sendChecked;
  locale: VerdictLocale;
  defaultContext: CheckContext;
  /** How often a running batch is asked for progress. */
  pollMs?: number;
  /** Told the checked list once every row is answered, so it can be recorded (record-section.tsx). */
  onChecked?: (list: RecordableList | null) => void;
}

/**
 * A pasted or uploaded bidders' sheet (.xlsx/.csv): every row keeps its place and its name
 * (core/sheet/read-bidder-rows.ts), duplicates are marked, not merged, and each row's name is
 * compared with the registered one. The distinct codes go to the background as one batch,
 * followed with `getBatch` until it is finished; the rows export to Excel and feed the record.
 * Progress is a `<progress>` plus a polite live text, so it is heard as well as seen.
 */
export function BatchCheck({ send, locale, defaultContext, pollMs = 300, onChecked }: BatchCheckProps) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; table: string[][] } | null>(null);
  const [context, setContext] = useState<CheckContext>(defaultContext);
  const [sheet, setSheet] = useState<BidderSheet | null>(null);
  const [batch, setBatch] = useState<BatchState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = batch !== null && !batch.finished;
  const batchId = batch?.batchId;
  const stopped = useRef(false);

  useEffect(() => setContext(defaultContext), [defaultContext]);
  useEffect(() => () => void (stopped.current = true), []);

  useEffect(() => {
    if (!running || batchId === undefined) return;
    const timer = setInterval(async () => {
      const result = await send('getBatch', { batchId });
      if (stopped.current) return;
      if (result.ok) setBatch(result.value);
      else setError(t('batchFailed', errorKindText(result.error.kind)));
    }, pollMs);
    return () => clearInterval(timer);
  }, [running, batchId, send, pollMs]);

  const finished = batch?.finished === true && sheet !== null;
  useEffect(() => {
    if (!onChecked) return;
    if (!finished || !sheet) return onChecked(null);
    const codes = [...new Set(sheet.rows.flatMap((row) => (row.code ? [row.code] : [])))];
    const names = Object.fromEntries(sheet.rows.flatMap((row) => (row.code && row.name && row.duplicateOf === null ? [[row.code, row.name]] : [])));
    onChecked(codes.length > 0 ? { codes, names } : null);
  }, [finished, sheet, onChecked]);

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    if (!chosen) return setFile(null);
    try {
      setFile({ name: chosen.name, table: await readSheetFile(chosen) });
      setError(null);
    } catch {
      setFile(null);
      setError(t('batchFileUnreadable', chosen.name));
    }
  }

  async function start(event: Event) {
    event.preventDefault();
    setError(null);
    const table = file?.table ?? splitSheetText(text);
    if (table.every((row) => row.every((cell) => cell === ''))) return setError(t('batchEmpty'));
    const read = readBidderRows(table);
    setSheet(read);
    const codes = [...new Set(read.rows.flatMap((row) => (row.code ? [row.code] : [])))];
    const result = await send('checkCodes', { text: codes.join('\n'), context });
    if (result.ok) setBatch(result.value);
    else setError(t('batchFailed', errorKindText(result.error.kind)));
  }

  const views = new Map<string, CodeView>((batch?.views ?? []).map((view) => [view.code, view]));
  // Rows without a code are named in the summary; the table lists every row with one, in sheet order.
  const rows = (sheet?.rows ?? []).filter((row) => row.code !== null);
  const codeless = (sheet?.rows ?? []).filter((row) => row.code === null);

  function exportRows() {
    const header = [t('columnLine'), t('columnCode'), t('columnGivenName'), t('columnName'), t('columnNameAgrees'), t('columnVerdict'), t('columnNote')];
    const table = (sheet?.rows ?? []).map((row) => {
      const view = row.code ? views.get(row.code) : undefined;
      const registered = view?.result?.subject?.name ?? '';
      return [
        String(row.line),
        row.code ?? '',
        row.name ?? '',
        registered,
        agreementText(row.name, registered || null),
        view ? verdictLabel(view.verdict.kind, locale).short : '',
        noteText(row.code, row.duplicateOf),
      ];
    });
    void tableToXlsx(t('batchTitle'), header, table).then((blob) => downloadBlob(blob, `${t('batchFileStem')}.xlsx`));
  }

  return (
    <section aria-labelledby="batch-title">
      <h2 id="batch-title">{t('batchTitle')}</h2>
      <form onSubmit={start} class="batch-form">
        <label for="batch-text">{t('batchLabel')}</label>
        <textarea
          id="batch-text"
          rows={5}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          placeholder={t('batchPlaceholder')}
          disabled={file !== null}
        />
        <label for="batch-file">{t('batchFileLabel')}</label>
        <input
          id="batch-file"
          type="file"
          accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={choose}
        />
        <div class="row">
          <label for="batch-context">{t('contextLabel')}</label>
          <select id="batch-context" value={context} onChange={(e) => setContext(e.currentTarget.value as CheckContext)}>
            {CHECK_CONTEXTS.map((c) => (
              <option key={c} value={c}>
                {glossary(locale).contexts[c]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={running}>
            {t('batchStart')}
          </button>
        </div>
      </form>
      {error !== null && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {batch !== null && sheet !== null && (
        <div class="batch-result">
          <progress value={batch.done} max={Math.max(batch.total, 1)} aria-labelledby="batch-progress-text" />
          <p id="batch-progress-text" aria-live="polite" data-testid="batch-progress">
            {batch.finished ? t('batchFinished', batch.total) : t('batchProgress', [batch.done, batch.total])}
          </p>
          <p data-testid="batch-rows-summary">
            {t('batchRowsSummary', [rows.length, rows.filter((row) => row.duplicateOf !== null).length])}
            {codeless.length > 0 && ` ${t('batchRowsWithoutCode', codeless.map((row) => row.line).join('、'))}`}
          </p>
          {rows.length === 0 || batch.total === 0 ? (
            <p>{t('batchNoCodes')}</p>
          ) : (
            <>
              <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="batch-caption">
                <table class="codes" data-testid="batch-results">
                  <caption id="batch-caption">{t('batchCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('columnLine')}</th>
                      <th scope="col">{t('columnCode')}</th>
                      <th scope="col">{t('columnGivenName')}</th>
                      <th scope="col">{t('columnName')}</th>
                      <th scope="col">{t('columnVerdict')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => {
                      const view = row.code ? views.get(row.code) : undefined;
                      const registered = view?.result?.subject?.name ?? null;
                      const agreement = compareNames(row.name, registered);
                      return (
                        <tr
                          key={row.line}
                          data-line={row.line}
                          data-code={row.code ?? undefined}
                          data-verdict={view?.verdict.kind ?? ''}
                          data-duplicate-of={row.duplicateOf ?? undefined}
                          data-name-agrees={agreement === 'unknown' ? undefined : String(agreement === 'match')}
                        >
                          <td class="num">{row.line}</td>
                          <th scope="row" class="code">
                            {row.code}
                          </th>
                          <td lang={DATA_LANG}>{row.name ?? ''}</td>
                          <td lang={DATA_LANG}>
                            {registered ?? <span class="muted">{glossary(locale).unnamed}</span>}
                            {agreement === 'mismatch' && <span class="error"> {t('batchNameMismatch')}</span>}
                          </td>
                          <td>
                            {view && <VerdictChip kind={verdictLook(view.verdict)} locale={locale} suspect={view.validity === 'suspect'} />}
                            {row.duplicateOf !== null && <span class="muted"> {t('batchDuplicateOf', row.duplicateOf)}</span>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <div class="row">
                <button type="button" onClick={exportRows} disabled={!batch.finished}>
                  {t('batchExport')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function agreementText(given: string | null, registered: string | null): string {
  const agreement = compareNames(given, registered);
  return agreement === 'unknown' ? '' : agreement === 'match' ? t('nameAgrees') : t('nameDisagrees');
}

function noteText(code: string | null, duplicateOf: number | null): string {
  if (code === null) return t('batchRowNoCode');
  return duplicateOf === null ? '' : t('batchDuplicateOf', duplicateOf);
}
