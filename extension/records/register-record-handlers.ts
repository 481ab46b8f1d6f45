/**
 * `createRecord` and `getLastRecord`: the check record (信用查询记录) a procurement officer keeps
 * with the file. The background gathers the tab's codes from every frame (or the codes of a
 * pasted list) with the names the page shows beside them, asks the platform to check and sign
 * them (POST /api/v1/records), and keeps the result in `storage.local`, so closing the popup
 * does not lose it.
 */
import { MAX_CODES_PER_STATUS_REQUEST } from '../../core/api/api-limits.ts';
import type { CheckRecordRequest } from '../../core/api/check-record-schema.ts';
import type { CreditClient } from '../../core/api/create-credit-client.ts';
import { matchCodes } from '../../core/scan/match-codes.ts';
import type { CreateRecordRequest, StoredRecord } from '../messaging/record-messages.ts';
import { onValidMessage } from '../messaging/on-valid-message.ts';
import { fail, ok } from '../messaging/result.ts';
import type { PageNamesStore } from '../names/page-names-store.ts';
import { tabContext } from '../names/page-names-store.ts';
import type { LastRecordStore } from './last-record-store.ts';

export interface RecordHandlerDeps {
  ready: Promise<unknown>;
  client(): Pick<CreditClient, 'records'>;
  operator(): string | null;
  names: PageNamesStore;
  caseReference(tabId: number): Promise<string | null>;
  last: LastRecordStore;
}

/** What to send for `req`, and how many codes did not fit; null when there is no code at all. */
export async function recordRequest(
  req: CreateRecordRequest,
  d: Pick<RecordHandlerDeps, 'names' | 'operator' | 'caseReference'>,
): Promise<{ request: CheckRecordRequest; omitted: number; source: StoredRecord['source'] } | null> {
  let codes: string[];
  let pageNames: Record<string, string> = {};
  let request: Pick<CheckRecordRequest, 'context' | 'source'>;
  if (req.tabId !== null) {
    await d.names.ready;
    const rows = d.names.tab(req.tabId).codes;
    codes = rows.map((row) => row.code);
    pageNames = Object.fromEntries(rows.flatMap((row) => (row.pageName ? [[row.code, row.pageName]] : [])));
    const top = d.names.frames(req.tabId)[0];
    request = { context: req.context ?? tabContext(d.names.frames(req.tabId)), source: { url: top?.url.slice(0, 2000) ?? null, title: top?.title ?? null } };
  } else {
    codes = [...new Set(matchCodes(req.text ?? '').map((m) => m.code))];
    request = { context: req.context ?? 'general', source: { url: null, title: null } };
  }
  if (codes.length === 0) return null;
  const kept = codes.slice(0, MAX_CODES_PER_STATUS_REQUEST);
  const keptNames = Object.fromEntries(Object.entries(pageNames).filter(([code]) => kept.includes(code)));
  const caseReference = req.caseReference?.trim() || (req.tabId !== null ? await d.caseReference(req.tabId) : null);
  return {
    request: {
      codes: kept,
      ...request,
      caseReference: caseReference || null,
      operator: d.operator(),
      ...(Object.keys(keptNames).length > 0 && { pageNames: keptNames }),
    },
    omitted: codes.length - kept.length,
    source: req.tabId !== null ? 'tab' : 'text',
  };
}

/** Registers the handlers; returns the function that removes them. */
export function registerRecordHandlers(d: RecordHandlerDeps): () => void {
  const removers = [
    onValidMessage('createRecord', async (req, origin) => {
      await d.ready;
      if (!origin.extensionPage) return fail('permission', 'createRecord is for extension pages');
      const planned = await recordRequest(req, d);
      if (!planned) return fail('not-found', 'no codes to record');
      const signed = await d.client().records(planned.request);
      const stored: StoredRecord = { signed, source: planned.source, omitted: planned.omitted };
      await d.last.save(stored);
      return ok(stored);
    }),
    onValidMessage('getLastRecord', async (_data, origin) => {
      if (!origin.extensionPage) return fail('permission', 'getLastRecord is for extension pages');
      return ok(await d.last.load());
    }),
  ];
  return () => removers.forEach((remove) => remove());
}
