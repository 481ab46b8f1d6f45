import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangesResponse } from '../../../../core/api/changes-schema.ts';
import type { CreditClient } from '../../../../core/api/create-credit-client.ts';
import { CreditError } from '../../../../core/api/credit-error.ts';
import { createChangesFollower } from '../../../../core/query/create-changes-follower.ts';

const at = '2026-03-01T02:00:00.000Z';
const page = (cursor: number, codes: string[], hasMore = false): ChangesResponse => ({
  changes: codes.map((code, i) => ({ cursor: cursor - codes.length + i + 1, code, at, kind: 'updated' })),
  cursor,
  hasMore,
  asOf: at,
  dataVersion: cursor,
});

function fakeClient(pages: (since: number) => ChangesResponse | Error) {
  const changes = vi.fn(async (since: number) => {
    const p = pages(since);
    if (p instanceof Error) throw p;
    return p;
  });
  const health = vi.fn(async () => ({ status: 'ok' as const, apiVersion: 'v1' as const, platform: 'p', anonymousReads: true, asOf: at, dataVersion: 40 }));
  return { client: { changes, health } as unknown as CreditClient, changes, health };
}

describe('createChangesFollower', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads every page, reports deduplicated codes and the cursor', async () => {
    const { client } = fakeClient((since) =>
      since === 10
        ? page(
            12,
            ['A', 'B', 'A'].map((c) => c.padEnd(18, '1')),
            true,
          )
        : page(since, []),
    );
    const onChanged = vi.fn();
    const onCursor = vi.fn();
    await createChangesFollower({ client, onChanged, onCursor, initialCursor: 10 }).pollNow();
    expect(onChanged).toHaveBeenCalledWith(['A'.padEnd(18, '1'), 'B'.padEnd(18, '1')]);
    expect(onCursor).toHaveBeenLastCalledWith(12);
  });

  it('starts at the platform dataVersion without a cursor', async () => {
    const { client, changes } = fakeClient((since) => page(since, []));
    await createChangesFollower({ client, onChanged: vi.fn() }).pollNow();
    expect(changes).toHaveBeenCalledWith(40, expect.anything());
  });

  it('resumes from what the caller already holds (a kept snapshot) without a cursor, reading the changes since it', async () => {
    const { client, changes, health } = fakeClient((since) => (since === 5 ? page(7, ['D'.padEnd(18, '1'), 'E'.padEnd(18, '1')]) : page(since, [])));
    const onChanged = vi.fn();
    const onCursor = vi.fn();
    await createChangesFollower({ client, onChanged, onCursor, resumeFrom: () => 5 }).pollNow();
    expect(changes).toHaveBeenCalledWith(5, expect.anything());
    expect(health).not.toHaveBeenCalled();
    // "Read up to" only once read: never 5 before the changes after it are known.
    expect(onCursor.mock.calls).toEqual([[7]]);
    expect(onChanged).toHaveBeenCalledWith(['D'.padEnd(18, '1'), 'E'.padEnd(18, '1')]);
  });

  it('starts at the platform dataVersion when the caller holds nothing (resumeFrom null), and prefers its own cursor', async () => {
    const none = fakeClient((since) => page(since, []));
    await createChangesFollower({ client: none.client, onChanged: vi.fn(), resumeFrom: () => null }).pollNow();
    expect(none.changes).toHaveBeenCalledWith(40, expect.anything());
    const own = fakeClient((since) => page(since, []));
    await createChangesFollower({ client: own.client, onChanged: vi.fn(), initialCursor: 30, resumeFrom: () => 5 }).pollNow();
    expect(own.changes).toHaveBeenCalledWith(30, expect.anything());
  });

  it('polls on its interval, keeps polling after a failure, and stops', async () => {
    let fail = true;
    const { client, changes } = fakeClient((since) => (fail ? new CreditError('offline', 'x') : page(since + 1, ['C'.padEnd(18, '1')])));
    const onChanged = vi.fn();
    const onError = vi.fn();
    const follower = createChangesFollower({ client, onChanged, onError, initialCursor: 1, intervalMs: 1000 });
    follower.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledTimes(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(onChanged).toHaveBeenCalledTimes(1);
    follower.stop();
    const calls = changes.mock.calls.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(changes.mock.calls.length).toBe(calls);
  });
});
