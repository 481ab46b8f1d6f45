import { useEffect, useRef, useState } from 'preact/hooks';
import { CHECK_CONTEXTS, type CheckContext } from '../../../core/api/check-context-schema.ts';
import type { VerdictLocale } from '../../../core/verdict/verdict-labels.ts';
import type { BatchState } from '../../messaging/protocol.ts';
import type { sendChecked } from '../../messaging/send-checked.ts';
import { errorKindText, t } from '../../locale/translate.ts';
import { VerdictChip } from './verdict-chip.tsx';

export interface BatchCheckProps {
  send: typeof sendChecked;
  locale: VerdictLocale;
  defaultContext: CheckContext;
  /** How often a running batch is asked for progress. */
  pollMs?: number;
}

/**
 * A box for a pasted column of codes (a bidders' spreadsheet): starts a batch in the background,
 * follows it with `getBatch` until it is finished and lists every code with its verdict in input
 * order. Progress is a `<progress>` plus a polite live text, so it is heard as well as seen.
 */
export function BatchCheck({ send, locale, defaultContext, pollMs = 300 }: BatchCheckProps) {
  const [text, setText] = useState('');
  const [context, setContext] = useState<CheckContext>(defaultContext);
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

  async function start(event: Event) {
    event.preventDefault();
    setError(null);
    if (text.trim() === '') return setError(t('batchEmpty'));
    const result = await send('checkCodes', { text, context });
    if (result.ok) setBatch(result.value);
    else setError(t('batchFailed', errorKindText(result.error.kind)));
  }

  return (
    <section aria-labelledby="batch-title">
      <h2 id="batch-title">{t('batchTitle')}</h2>
      <form onSubmit={start} class="batch-form">
        <label for="batch-text">{t('batchLabel')}</label>
        <textarea id="batch-text" rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder={t('batchPlaceholder')} />
        <div class="row">
          <label for="batch-context">{t('contextLabel')}</label>
          <select id="batch-context" value={context} onChange={(e) => setContext(e.currentTarget.value as CheckContext)}>
            {CHECK_CONTEXTS.map((c) => (
              <option key={c} value={c}>
                {t(`context_${c}`)}
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
      {batch !== null && (
        <div class="batch-result">
          <progress value={batch.done} max={Math.max(batch.total, 1)} aria-labelledby="batch-progress-text" />
          <p id="batch-progress-text" aria-live="polite" data-testid="batch-progress">
            {batch.finished ? t('batchFinished', batch.total) : t('batchProgress', [batch.done, batch.total])}
          </p>
          {batch.total === 0 ? (
            <p>{t('batchNoCodes')}</p>
          ) : (
            <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="batch-caption">
              <table class="codes" data-testid="batch-results">
                <caption id="batch-caption">{t('batchCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columnIndex')}</th>
                    <th scope="col">{t('columnCode')}</th>
                    <th scope="col">{t('columnName')}</th>
                    <th scope="col">{t('columnVerdict')}</th>
                  </tr>
                </thead>
                <tbody>
                  {batch.views.map((view, i) => (
                    <tr key={`${i}-${view.code}`} data-code={view.code} data-verdict={view.verdict.kind}>
                      <td class="num">{i + 1}</td>
                      <th scope="row" class="code">
                        {view.code}
                      </th>
                      <td>{view.result?.subject?.name ?? <span class="muted">{t('nameUnknown')}</span>}</td>
                      <td>
                        <VerdictChip kind={view.verdict.kind} locale={locale} suspect={view.validity === 'suspect'} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
