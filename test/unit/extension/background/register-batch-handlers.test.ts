import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { StatusResult } from '../../../../core/api/status-schema.ts';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { computeVerdict } from '../../../../core/verdict/compute-verdict.ts';
import type { VerdictService } from '../../../../extension/background/create-verdict-service.ts';
import { registerBatchHandlers } from '../../../../extension/background/register-batch-handlers.ts';
import { toCodeView } from '../../../../extension/background/to-code-view.ts';
import type { BatchState } from '../../../../extension/messaging/protocol.ts';
import type { Result } from '../../../../extension/messaging/result.ts';
import { withUsccCheck, withWrongCheck } from '../../core/uscc/reference-uscc.ts';
import { fakeMessenger } from '../fake-messenger.ts';

/** The popup, as the sender of batch messages. */
const POPUP = { url: 'chrome-extension://x/popup.html' };

const A = withUsccCheck('91420105MA4KMF000');
const SUSPECT = withWrongCheck(withUsccCheck('12100000MB0123456'));
const INVALID = withUsccCheck('91999999MA4KMF000');

const notFound = (code: string): StatusResult => ({
  code,
  found: false,
  invalid: false,
  subject: null,
  entries: [],
  asOf: new Date().toISOString(),
  dataVersion: 1,
});

describe('registerBatchHandlers', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // batchProgress is broadcast to extension pages: someone must be listening.
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
  });

  it('asks for valid and suspect codes, keeps invalid ones local, and marks a suspect code the platform does not know as invalid, never clear', async () => {
    const m = fakeMessenger(POPUP);
    const get = vi.fn(async (code: string): Promise<CodeVerdict> => {
      const result = notFound(code);
      return { ...computeVerdict({ result, now: new Date() }), result };
    });
    registerBatchHandlers({
      ready: Promise.resolve(),
      service: () => ({ get }) as unknown as VerdictService,
      toView: (code, verdict, context) => toCodeView(code, verdict, context, null, null),
      messenger: m,
    });
    const started = await m.deliver<Result<BatchState>>('checkCodes', { text: [A, SUSPECT, INVALID].join('\n'), context: 'general' });
    if (!started.ok) throw new Error('not started');
    const { batchId } = started.value;
    await vi.waitFor(async () => {
      const state = await m.deliver<Result<BatchState>>('getBatch', { batchId });
      expect(state.ok && state.value.finished).toBe(true);
    });
    expect(get.mock.calls.map(([code]) => code).sort()).toEqual([A, SUSPECT].sort());
    const state = await m.deliver<Result<BatchState>>('getBatch', { batchId });
    const views = state.ok ? state.value.views : [];
    expect(views.map((v) => [v.code, v.validity, v.verdict.kind, v.verdict.reason.code])).toEqual([
      [A, 'valid', 'clear', 'not-found'],
      [SUSPECT, 'suspect', 'invalid', 'suspect-not-found'],
      [INVALID, 'invalid', 'invalid', 'invalid-code'],
    ]);
  });
});
