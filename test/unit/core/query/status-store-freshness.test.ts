/** Issue 10 finding 5: an answer past the freshness window is asked again when shown, and shows unknown with its last answer when that fails. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { CodeVerdict } from '../../../../core/query/create-status-store.ts';
import { describeReason } from '../../../../core/verdict/verdict-labels.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { SAMPLE_CODE } from '../fixtures/make-status-result.ts';
import { answer, settle, setupStore, START } from './status-store-fixture.ts';

describe('createStatusStore.refreshStale', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('returns without asking again when the watched answer is still fresh', async () => {
    const { store, status } = setupStore(answer(), { freshnessMs: 3_000 });
    const stop = store.subscribe(SAMPLE_CODE, () => undefined);
    await settle(Promise.resolve());
    vi.setSystemTime(START.getTime() + 2_000);
    store.refreshStale([SAMPLE_CODE]);
    await settle(Promise.resolve());
    expect(status).toHaveBeenCalledTimes(1);
    stop();
  });

  it('returns a fresh answer after asking again for a watched answer past the freshness window', async () => {
    const { store, status } = setupStore(answer(), { freshnessMs: 3_000 });
    const stop = store.subscribe(SAMPLE_CODE, () => undefined);
    await settle(Promise.resolve());
    vi.setSystemTime(START.getTime() + 48_000);
    store.refreshStale([SAMPLE_CODE]);
    await settle(Promise.resolve());
    expect(status).toHaveBeenCalledTimes(2);
    expect(store.peek(SAMPLE_CODE)).toMatchObject({ kind: 'clear', stale: false });
    expect(store.peek(SAMPLE_CODE)!.ageMs).toBeLessThan(1_000);
    stop();
  });

  it.each<[string, () => Error]>([
    ['503', () => new CreditError('http', 'down', { status: 503 })],
    ['offline', () => new CreditError('offline', 'down')],
  ])('returns unknown with the last answer and its real age when asking again fails (%s)', async (_what, fail) => {
    const { store, status, setReply } = setupStore(answer(), { freshnessMs: 3_000, retries: 2 });
    const seen: CodeVerdict[] = [];
    const stop = store.subscribe(SAMPLE_CODE, (v) => seen.push(v));
    await settle(Promise.resolve());
    expect(seen.at(-1)?.kind).toBe('clear');
    setReply(fail);
    vi.setSystemTime(START.getTime() + 48_000);
    store.refreshStale([SAMPLE_CODE]);
    await settle(Promise.resolve());
    expect(status).toHaveBeenCalledTimes(2);
    // From the first failure, while retries still run: never the old clear.
    const shown = store.peek(SAMPLE_CODE)!;
    expect(shown).toMatchObject({ kind: 'unknown', lastKnown: 'clear', stale: true });
    expect(shown.ageMs).toBeGreaterThanOrEqual(48_000);
    expect(shown.ageMs).toBeLessThan(49_000);
    expect(describeReason(shown, 'zh-CN')).toContain('上次结果：未列入');
    expect(describeReason(shown, 'zh-CN')).toContain('48 秒前');
    expect(describeReason(shown, 'zh-CN')).not.toContain('刚刚');
    expect(seen.at(-1)?.kind).toBe('unknown');
    stop();
  });

  it('returns unknown keeping a black last answer when asking again fails', async () => {
    const { store, setReply } = setupStore(
      answer(() => ({ entries: [makeEntry()] })),
      { freshnessMs: 3_000 },
    );
    const stop = store.subscribe(SAMPLE_CODE, () => undefined);
    await settle(Promise.resolve());
    setReply(() => new CreditError('http', 'down', { status: 503 }));
    vi.setSystemTime(START.getTime() + 10 * 60_000);
    store.refreshStale([SAMPLE_CODE]);
    await settle(Promise.resolve());
    const shown = store.peek(SAMPLE_CODE)!;
    expect(shown).toMatchObject({ kind: 'unknown', lastKnown: 'black' });
    expect(describeReason(shown, 'zh-CN')).toContain('上次结果：黑名单');
    expect(describeReason(shown, 'zh-CN')).toContain('10 分钟前');
    stop();
  });
});
