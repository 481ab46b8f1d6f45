/**
 * A browser restart with a list snapshot kept from earlier the same day: the session (and the
 * feed's cursor) is gone, the snapshot is not. What was listed while the browser was closed must
 * never be shown clear from the old snapshot.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { bytesToBase64 } from '../../../../core/record/base64.ts';
import { FOREVER_DAY } from '../../../../core/snapshot/china-day-number.ts';
import { answerSource } from '../../../../extension/background/answer-source.ts';
import { createVerdictService, type VerdictService } from '../../../../extension/background/create-verdict-service.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import { snapshotItem } from '../../../../extension/snapshot/snapshot-items.ts';
import { makeSnapshotCode } from '../../core/snapshot/make-snapshot-code.ts';
import { signedSnapshot, snapshotPlatform, type SignedSnapshot } from './snapshot-platform.ts';

const listedEarlier = makeSnapshotCode(11);
const listedMeanwhile = makeSnapshotCode(12);
let snapshot: SignedSnapshot;
let oldDay: SignedSnapshot;

beforeAll(async () => {
  snapshot = await signedSnapshot(5, [{ code: listedEarlier, timeline: [1, FOREVER_DAY] }]);
  oldDay = await signedSnapshot(2, [{ code: listedEarlier, timeline: [1, FOREVER_DAY] }], '2020-01-01');
});
beforeEach(() => fakeBrowser.reset());

const settings = parseStoredSettings({ platformUrl: 'http://127.0.0.1:9', token: 'secret', changesPollSeconds: 60 });
/** What an earlier start downloaded and kept in storage.local. */
const keep = (kept: SignedSnapshot) =>
  snapshotItem.setValue({ source: answerSource(settings), keyId: kept.key.keyId, publicKey: kept.key.publicKey, bytes: bytesToBase64(kept.bytes) });
/** Where each read of the changes feed started. */
const feedReadsOf = (fake: ReturnType<typeof snapshotPlatform>) =>
  fake.calls.filter((c) => c.url.includes('/changes')).map((c) => Number(new URL(c.url).searchParams.get('since')));

describe('createVerdictService after a browser restart with a kept snapshot', () => {
  let service: VerdictService | undefined;
  afterEach(() => service?.dispose());

  it('reads the changes since the snapshot, so a subject listed meanwhile is never shown clear from it', async () => {
    // Earlier today: the snapshot (data version 5) was downloaded and kept in storage.local.
    await keep(snapshot);

    // The browser starts again; the platform is at 6 now, where `listedMeanwhile` was listed. No saved state: the session is gone.
    const fake = snapshotPlatform({
      snapshot,
      version: () => 6,
      changes: (since) => (since < 6 ? [{ cursor: 6, code: listedMeanwhile, at: new Date().toISOString(), kind: 'listed' }] : []),
    });
    const shown = new Map<string, string>();
    service = createVerdictService({ settings: () => settings, fetch: fake.fetch, onDirty: () => undefined, onVerdict: (code, v) => shown.set(code, v.kind) });
    service.watch([listedEarlier, listedMeanwhile]);
    await vi.waitFor(() => expect(service!.snapshotInfo().dataVersion).toBe(5));
    await service.pollChanges();
    await vi.waitFor(() => expect(service!.peek(listedEarlier)?.kind).toBe('black'));

    expect(feedReadsOf(fake)[0]).toBe(5);
    // Named by the feed, the code waits for its re-read (held here): never the snapshot's "absent, so clear".
    expect(service.peek(listedMeanwhile)?.kind ?? 'pending').not.toBe('clear');
    expect(shown.get(listedMeanwhile)).not.toBe('clear');
  });

  it('starts the feed at the platform’s current version when the kept snapshot is of another day (a new one is downloaded instead)', async () => {
    await keep(oldDay);
    // The platform is at 9; `listedMeanwhile` was listed at 7. It cannot serve a new snapshot (599).
    const fake = snapshotPlatform({
      snapshot: oldDay,
      version: () => 9,
      changes: (since) => (since < 7 ? [{ cursor: 7, code: listedMeanwhile, at: new Date().toISOString(), kind: 'listed' }] : []),
    });
    service = createVerdictService({ settings: () => settings, fetch: fake.fetch, onDirty: () => undefined, onVerdict: () => undefined });
    await vi.waitFor(() => expect(service!.snapshotInfo().dataVersion).toBe(2));
    await service.pollChanges();
    expect(feedReadsOf(fake)[0]).toBe(9);
    // The feed never read 2..9, so the old snapshot does not become current by it: never clear from it.
    expect(service.snapshotInfo()).toMatchObject({ current: false, dataVersion: 2 });
    expect(service.peek(listedMeanwhile)?.kind ?? 'pending').not.toBe('clear');
  });
});
