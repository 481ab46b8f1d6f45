import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { CreditError } from '../../../../core/api/credit-error.ts';
import { toCodeView } from '../../../../extension/background/to-code-view.ts';
import { errorToResult, onValidMessage } from '../../../../extension/messaging/on-valid-message.ts';
import { CodeViewSchema, REQUEST_SCHEMAS } from '../../../../extension/messaging/protocol.ts';
import { sendChecked } from '../../../../extension/messaging/send-checked.ts';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import { makeMeasure } from '../../core/fixtures/make-measure.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';
import { fakeMessenger } from '../fake-messenger.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';

const A = withUsccCheck('91420105MA4KMF000');

describe('onValidMessage', () => {
  it('passes valid data and the sender to the handler', async () => {
    const m = fakeMessenger();
    const handler = vi.fn(() => ({ ok: true as const, value: { views: [] } }));
    onValidMessage('lookup', handler, m);
    await m.deliver('lookup', { codes: [{ code: A, validity: 'valid' }] });
    expect(handler).toHaveBeenCalledWith({ codes: [{ code: A, validity: 'valid' }] }, { tabId: 7, frameId: 2, extensionPage: false });
  });

  it.each([
    ['an empty code', { codes: [{ code: '', validity: 'valid' }] }],
    ['a code without its validity', { codes: [A] }],
    ['a validity that is not one', { codes: [{ code: A, validity: 'checked' }] }],
    ['missing data', undefined],
  ])('answers invalid-message for %s without calling the handler', async (_, data) => {
    const m = fakeMessenger();
    const handler = vi.fn();
    onValidMessage('lookup', handler, m);
    expect(await m.deliver('lookup', data)).toMatchObject({ ok: false, error: { kind: 'invalid-message' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a thrown CreditError into a value that keeps its kind', async () => {
    const m = fakeMessenger();
    onValidMessage(
      'getTabFindings',
      () => {
        throw new CreditError('timeout', 'slow');
      },
      m,
    );
    expect(await m.deliver('getTabFindings', { tabId: 1 }, {})).toEqual({ ok: false, error: { kind: 'timeout', message: 'slow' } });
  });

  it('treats a sender without a tab as an extension page', async () => {
    const m = fakeMessenger();
    const handler = vi.fn((_data: unknown, _origin: unknown) => ({ ok: true as const, value: { codes: 0 } }));
    onValidMessage('recheckTab', handler, m);
    await m.deliver('recheckTab', { tabId: 3 }, { url: 'chrome-extension://x/popup.html' });
    expect(handler.mock.calls[0]![1]).toEqual({ tabId: null, frameId: null, extensionPage: true });
  });
});

describe('errorToResult', () => {
  it('reports anything else as internal', () => {
    expect(errorToResult(new TypeError('boom'))).toEqual({ ok: false, error: { kind: 'internal', message: 'boom' } });
  });
});

describe('sendChecked', () => {
  it('returns the answer when it has the right shape', async () => {
    const answer = { ok: true, value: { enabled: true, context: 'general', highlightApi: true } };
    expect(await sendChecked('frameConfig', { url: 'x', contextHint: null }, undefined, { sendMessage: (async () => answer) as never })).toEqual(answer);
  });
  it('turns a malformed answer into invalid-message', async () => {
    const r = await sendChecked('frameConfig', { url: 'x', contextHint: null }, undefined, {
      sendMessage: (async () => ({ ok: true, value: { token: 'x' } })) as never,
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-message' } });
  });
  it('turns a missing receiver into a failed result', async () => {
    const r = await sendChecked('lookup', { codes: [] }, undefined, {
      sendMessage: (async () => {
        throw new Error('Could not establish connection');
      }) as never,
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});

describe('CodeView', () => {
  it('is plain data that passes its own schema, with measures for the context', () => {
    const entry = makeEntry();
    const result = {
      code: A,
      found: true,
      invalid: false,
      subject: { code: A, name: '甲公司', regionCode: '420105', legalRepresentative: null },
      entries: [entry],
      asOf: new Date().toISOString(),
      dataVersion: 3,
    };
    const verdict = { ...computeVerdict({ result, now: new Date() }), result };
    const view = toCodeView(A, verdict, 'procurement', [makeMeasure({ list: 'black', contexts: ['procurement'] })], 'http://127.0.0.1:8787');
    expect(z.safeParse(CodeViewSchema, JSON.parse(JSON.stringify(view))).success).toBe(true);
    expect(view.verdict.kind).toBe('black');
    expect(view.measures).toHaveLength(1);
    expect(JSON.stringify(view)).not.toMatch(/token/i);
  });

  it('has a request schema for every message', () => {
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([
      'batchProgress',
      'checkCodes',
      'createRecord',
      'discardFeedback',
      'frameConfig',
      'getBatch',
      'getCaseReference',
      'getFeedback',
      'getLastRecord',
      'getSettings',
      'getTabFindings',
      'getTabNames',
      'lookup',
      'recheckTab',
      'reportFindings',
      'reportPageNames',
      'resumeTab',
      'retryFeedback',
      'saveSettings',
      'setCaseReference',
      'submitFeedback',
      'submitObjection',
      'testConnection',
      'verdictsChanged',
    ]);
  });
});
