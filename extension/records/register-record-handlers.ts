/**
 * `createRecord` and `getLastRecord`: the check record (信用查询记录) a procurement officer keeps
 * with the file. The background gathers the tab's codes from every frame (or the codes of a
 * pasted list) with the names the page shows beside them, asks the platform to check and sign
 * them (POST /api/v1/records), and keeps the result in `storage.local` for the tab, its page and
 * its case reference, so closing the popup does not lose it and another tab's popup is not offered it.
 */
import { MAX_CODES_PER_STATUS_REQUEST } from '../../core/api/api-limits.ts';
import type { CheckRecordRequest } from '../../core/api/check-record-schema.ts';
import type { RecordSigner } from '../background/create-verdict-service.ts';
import { recordSetRequests } from '../../core/record/record-set-requests.ts';
import { matchCodes } from '../../core/scan/match-codes.ts';
import type { CreateRecordRequest, StoredRecord } from '../messaging/record-messages.ts';
import { onValidMessage } from '../messaging/on-valid-message.ts';
import { fail, ok } from '../messaging/result.ts';
import type { PageNamesStore } from '../names/page-names-store.ts';
import { tabContext } from '../names/page-names-store.ts';
import type { LastRecordStore, RecordOwner } from './last-record-store.ts';

export interface RecordHandlerDeps {
  ready: Promise<unknown>;
  /** Who checks and signs a record (several platforms: a part each, for the codes it covers). */
  signers(): RecordSigner[];
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
  let pageNames: Record<string, string>;
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
    // A pasted sheet's names (batch check) are compared with the registered ones, as a page's are.
    pageNames = Object.fromEntries(Object.entries(req.names ?? {}).filter(([, name]) => name.trim() !== ''));
    request = { context: req.context ?? 'general', source: { url: null, title: null } };
  }
  if (codes.length === 0) return null;
  const kept = codes.slice(0, MAX_CODES_PER_STATUS_REQUEST);
  const keptNames = Object.fromEntries(Object.entries(pageNames).filter(([code]) => kept.includes(code)));
  const caseReference = req.caseReference?.trim() || (req.tabId !== null ? await d.caseReference(req.tabId) : null);
  const projectName = req.projectName?.trim() || null;
  return {
    request: {
      codes: kept,
      ...request,
      caseReference: caseReference || null,
      ...(projectName && { projectName }),
      operator: d.operator(),
      ...(Object.keys(keptNames).length > 0 && { pageNames: keptNames }),
    },
    omitted: codes.length - kept.length,
    source: req.tabId !== null ? 'tab' : 'text',
  };
}

/** Whose a record of `tabId` is: the tab, its page now and the case reference it shows now. */
async function ownerOf(tabId: number | null, d: Pick<RecordHandlerDeps, 'names' | 'caseReference'>): Promise<RecordOwner> {
  if (tabId === null) return { tabId: null, pageUrl: null, caseReference: null };
  await d.names.ready;
  return { tabId, pageUrl: d.names.frames(tabId)[0]?.url ?? null, caseReference: (await d.caseReference(tabId)) || null };
}

/** Registers the handlers; returns the function that removes them. */
export function registerRecordHandlers(d: RecordHandlerDeps): () => void {
  const removers = [
    onValidMessage('createRecord', async (req, origin) => {
      await d.ready;
      if (!origin.extensionPage) return fail('permission', 'createRecord is for extension pages');
      const owner = await ownerOf(req.ownerTabId !== undefined ? req.ownerTabId : req.tabId, d);
      // A failed attempt leaves no older record to print in its place (issue 14).
      await d.last.forget(owner.tabId);
      const planned = await recordRequest(req, d);
      if (!planned) return fail('not-found', 'no codes to record');
      const { request } = planned;
      const signers = d.signers();
      const [single] = signers;
      // Several platforms: each checks and signs the codes it covers (with their page names), all at once,
      // each part naming the same set (every platform and code), so none can be dropped or swapped unseen.
      const plan =
        single && !single.platform
          ? { parts: [{ platform: { signer: single }, request }], uncovered: [] }
          : recordSetRequests(
              request,
              signers.map((signer) => ({ ...signer.platform!, signer })),
              crypto.randomUUID(),
            );
      if (plan.uncovered.length > 0) return fail('no-covering-platform', `no configured platform covers ${plan.uncovered.slice(0, 5).join(', ')}`);
      const parts = await Promise.all(
        plan.parts.map(async ({ platform: { signer }, request: part }) => ({ platform: signer.platform, signed: await signer.client.records(part) })),
      );
      const [first] = parts;
      if (!first) return fail('not-found', 'no codes to record');
      const stored: StoredRecord = {
        signed: first.signed,
        ...(first.platform && {
          parts: parts.map(({ platform, signed }) => ({ platformId: platform!.id, platformName: platform!.name, platformUrl: platform!.url, signed })),
        }),
        source: planned.source,
        omitted: planned.omitted,
      };
      await d.last.save(owner, stored);
      return ok(stored);
    }),
    onValidMessage('getLastRecord', async ({ tabId }, origin) => {
      if (!origin.extensionPage) return fail('permission', 'getLastRecord is for extension pages');
      return ok(await d.last.load(await ownerOf(tabId, d)));
    }),
  ];
  return () => removers.forEach((remove) => remove());
}
