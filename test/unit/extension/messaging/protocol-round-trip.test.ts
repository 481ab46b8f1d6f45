/**
 * Every message of the protocol, request and answer, filled in completely (every optional field
 * set), sent through JSON and its schema and compared with `toEqual`: a field the schema does not
 * know is stripped, so a dropped field (once `lastKnown`, on its way to the outage card) fails here.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { ListEntry } from '../../../../core/api/list-entry-schema.ts';
import type { QueuedFeedback } from '../../../../core/feedback/queued-feedback-schema.ts';
import type { FeedbackFormDraft } from '../../../../core/feedback/feedback-form-draft-schema.ts';
import type { CodeView } from '../../../../core/verdict/code-view-schema.ts';
import type { Verdict } from '../../../../core/verdict/verdict-types.ts';
import { REQUEST_SCHEMAS, type ProtocolMap } from '../../../../extension/messaging/protocol.ts';
import { RESPONSE_SCHEMAS } from '../../../../extension/messaging/send-checked.ts';
import { makeMeasure } from '../../core/fixtures/make-measure.ts';

const CODE = '91420105MA4KX0T12F';
const AT = '2026-03-01T02:00:00.000Z';
const stamp = { asOf: AT, dataVersion: 7 };

const entry: ListEntry = {
  id: 'e-1',
  list: 'black',
  category: '失信被执行人',
  facts: '拒不履行',
  legalBasis: '实施方案',
  documentNumber: '（2025）鄂0105执123号',
  department: '区法院',
  listedOn: '2025-01-10',
  validUntil: '2028-01-10',
  state: 'disputed',
  exit: { date: '2026-01-01', reason: '履行完毕', department: '区法院' },
  objection: { id: 'o-1', status: 'pending', filedAt: AT, resolvedAt: null },
  repairable: true,
  repair: { id: 'r-1', status: 'pending', filedAt: AT, decidedAt: null },
  monitoringUntil: '2027-01-01',
  visibility: 'internal',
  persons: [{ role: '法定代表人', name: '张*', idNumber: '420105********1234' }],
};

const verdict: Verdict = {
  kind: 'unknown',
  reason: { code: 'error', errorKind: 'http', detail: 'last-answer-black' },
  activeEntries: [entry],
  disputedEntries: [entry],
  watchEntries: [entry],
  suspendedRed: true,
  asOf: AT,
  ageMs: 720_000,
  stale: true,
  lastKnown: 'black',
};

const view: CodeView = {
  code: CODE,
  validity: 'suspect',
  verdict,
  result: {
    code: CODE,
    found: true,
    invalid: false,
    subject: { code: CODE, name: '甲公司', regionCode: '420105', legalRepresentative: '张*' },
    entries: [entry],
    scope: 'full',
    ...stamp,
  },
  measures: [{ measure: makeMeasure(), entry, suspended: true }],
  context: 'procurement',
  platformUrl: 'http://127.0.0.1:8787',
};

const draft: FeedbackFormDraft = {
  code: CODE,
  entryId: 'e-1',
  measureId: 'm-1',
  outcome: 'not-applicable',
  reason: '已履行',
  caseReference: 'CG-2026-01',
  note: '备注',
};
const feedbackRequest = { ...draft, idempotencyKey: 'key-0001-abcd', operator: '王立', context: 'procurement' as const };
const queued: QueuedFeedback = {
  request: feedbackRequest,
  status: 'failed',
  enqueuedAt: AT,
  attempts: 3,
  nextAttemptAt: 1_770_000_000_000,
  error: { kind: 'http', status: 409, message: 'conflict' },
};
const feedbackRecord = { ...feedbackRequest, id: 'f-1', department: '区财政局', receivedAt: AT };
const signed = {
  record: {
    version: 1 as const,
    recordId: 'rec-1',
    platform: '汉阳区信用平台',
    issuedAt: AT,
    context: 'procurement' as const,
    caseReference: 'CG-2026-01',
    operator: '王立',
    department: '区财政局',
    source: { url: 'http://127.0.0.1/demo', title: '采购' },
    items: [
      {
        code: CODE,
        found: true,
        invalid: false,
        registeredName: '甲公司',
        pageName: '甲公司',
        nameMatches: true,
        verdict: 'black' as const,
        reason: '黑名单',
        entries: [entry],
        measures: [{ id: 'm-1', item: '限制', kind: 'punishment' as const, basis: '依据', suspended: false }],
      },
    ],
    ...stamp,
  },
  signature: { algorithm: 'Ed25519' as const, keyId: 'k-1', value: 'c2ln' },
};
const stored = { signed, source: 'tab' as const, omitted: 2 };
const batch = { batchId: 'b1', total: 2, done: 1, finished: false, views: [view] };
const finding = { code: CODE, validity: 'suspect' as const, kind: 'black' as const, name: '甲公司', count: 2 };
const settingsView = {
  platformUrl: 'http://127.0.0.1:8787',
  hasToken: true,
  sites: [{ pattern: 'http://oa.example.gov.cn/*', context: 'approval' as const }],
  freshnessMinutes: 5,
  changesPollSeconds: 60,
  operator: '王立',
  maxCodesPerMinute: 500,
  highlightApi: true,
};

type Sample<K extends keyof ProtocolMap> = { request: Parameters<ProtocolMap[K]>[0]; answer?: unknown };
/** One complete sample per message: the `satisfies` makes a message without one a type error. */
const SAMPLES = {
  frameConfig: { request: { url: 'http://127.0.0.1/a', contextHint: 'procurement' }, answer: { enabled: true, context: 'procurement', highlightApi: false } },
  lookup: { request: { codes: [{ code: CODE, validity: 'valid' }] }, answer: { views: [view] } },
  reportFindings: { request: { url: 'http://127.0.0.1/a', findings: [finding] }, answer: null },
  verdictsChanged: { request: { views: [view] }, answer: null },
  getTabFindings: {
    request: { tabId: 7 },
    answer: {
      tabId: 7,
      frames: [{ frameId: 0, url: 'http://127.0.0.1/a', context: 'procurement' }],
      findings: [{ ...finding, frameIds: [0, 3] }],
      paused: { held: 12, limit: 500 },
    },
  },
  recheckTab: { request: { tabId: 7 }, answer: { codes: 3 } },
  resumeTab: { request: { tabId: 7 }, answer: { codes: 12 } },
  checkCodes: { request: { text: CODE, context: 'procurement' }, answer: batch },
  getBatch: { request: { batchId: 'b1' }, answer: batch },
  batchProgress: { request: batch },
  getSettings: { request: undefined, answer: settingsView },
  saveSettings: {
    request: {
      platformUrl: 'http://127.0.0.1:8787',
      token: 't',
      sites: settingsView.sites,
      freshnessMinutes: 5,
      changesPollSeconds: 60,
      operator: '王立',
      maxCodesPerMinute: 800,
      highlightApi: false,
    },
    answer: settingsView,
  },
  testConnection: {
    request: { platformUrl: 'http://127.0.0.1:8787', token: null },
    answer: { platform: 'x', apiVersion: 'v1', anonymousReads: true, latencyMs: 12, tokenAccepted: true, asOf: AT },
  },
  getFeedback: {
    request: { code: CODE, caseReference: 'CG-2026-01', queuedOnly: true },
    answer: { code: CODE, reporter: '王立', caseReference: 'CG-2026-01', queued: [queued], given: [feedbackRecord] },
  },
  submitFeedback: {
    request: { drafts: [draft], context: 'procurement' },
    answer: { code: CODE, reporter: null, caseReference: '', queued: [queued], given: 'unavailable' },
  },
  retryFeedback: { request: { idempotencyKey: 'key-0001-abcd' }, answer: null },
  discardFeedback: { request: { idempotencyKey: 'key-0001-abcd' }, answer: null },
  setCaseReference: { request: { value: 'CG-2026-01', source: 'typed' }, answer: null },
  submitObjection: {
    request: {
      code: CODE,
      entryId: 'e-1',
      reason: '该企业已履行全部义务，请核查。',
      contact: '027-84845678',
      documentNumber: '（2025）鄂0105执123号',
      reference: '收据 2026-01',
    },
    answer: { accepted: false, kind: 'http', status: 409, message: 'already disputed' },
  },
  reportPageNames: { request: { url: 'http://127.0.0.1/a', title: '采购', context: 'procurement', codes: [{ code: CODE, pageName: '甲公司' }] }, answer: null },
  getTabNames: { request: { tabId: 7 }, answer: { tabId: 7, codes: [{ code: CODE, pageName: '甲公司', frameIds: [0] }] } },
  getCaseReference: { request: { tabId: 7 }, answer: { value: 'CG-2026-01' } },
  createRecord: { request: { tabId: null, text: CODE, context: 'procurement', caseReference: 'CG-2026-01' }, answer: stored },
  getLastRecord: { request: { tabId: 7 }, answer: stored },
} satisfies { [K in keyof ProtocolMap]: Sample<K> };

const roundTrip = (schema: z.ZodMiniType, value: unknown) => z.parse(schema, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

describe('the extension protocol', () => {
  it('has a complete sample for every message', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(REQUEST_SCHEMAS).sort());
  });

  it.each(Object.entries(SAMPLES))('returns %s requests unchanged through JSON and their schema', (type, sample) => {
    expect(roundTrip(REQUEST_SCHEMAS[type as keyof ProtocolMap] as z.ZodMiniType, sample.request)).toEqual(sample.request);
  });

  it.each(Object.entries(SAMPLES).filter(([, s]) => 'answer' in s))('returns %s answers unchanged through JSON and their schema', (type, sample) => {
    const answer = { ok: true, value: (sample as { answer: unknown }).answer };
    expect(roundTrip(RESPONSE_SCHEMAS[type as keyof typeof RESPONSE_SCHEMAS] as z.ZodMiniType, answer)).toEqual(answer);
  });

  it('returns the accepted objection outcome unchanged', () => {
    const answer = {
      ok: true,
      value: {
        accepted: true,
        response: {
          objection: { id: 'o-1', code: CODE, entryId: 'e-1', status: 'pending', reason: '已履行', filedAt: AT, resolvedAt: null, department: '区财政局' },
          entryState: 'disputed',
          ...stamp,
        },
      },
    };
    expect(roundTrip(RESPONSE_SCHEMAS.submitObjection as z.ZodMiniType, answer)).toEqual(answer);
  });

  it('returns failures unchanged', () => {
    const answer = { ok: false, error: { kind: 'permission', message: 'no' } };
    expect(roundTrip(RESPONSE_SCHEMAS.lookup as z.ZodMiniType, answer)).toEqual(answer);
  });
});
