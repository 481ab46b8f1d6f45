/**
 * A browser restart with a list snapshot kept from earlier the same day: the session (and the
 * feed's cursor) is gone, the snapshot is not. What was listed while the browser was closed must
 * never be shown clear from the old snapshot.
 */
import { webcrypto } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { bytesToBase64 } from '../../../../core/record/base64.ts';
import { FOREVER_DAY } from '../../../../core/snapshot/china-day-number.ts';
import { encodeSnapshot } from '../../../../core/snapshot/encode-snapshot.ts';
import { signSnapshot } from '../../../../core/snapshot/sign-snapshot.ts';
import { chinaDate } from '../../../../core/time/china-time.ts';
import { answerSource } from '../../../../extension/background/answer-source.ts';
import { createVerdictService, type VerdictService } from '../../../../extension/background/create-verdict-service.ts';
import { snapshotItem } from '../../../../extension/snapshot/snapshot-items.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import { makeFakeFetch, type FakeReply } from '../../core/fixtures/make-fake-fetch.ts';
import { makeSnapshotCode } from '../../core/snapshot/make-snapshot-code.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const listedEarlier = makeSnapshotCode(11);
const listedMeanwhile = makeSnapshotCode(12);
let key: { keyId: string; publicKey: string };
let snapshotBytes: Uint8Array;

beforeAll(async () => {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  key = { keyId: 'clk-1', publicKey: bytesToBase64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey))) };
  const meta = { dataVersion: 5, asOf: new Date().toISOString(), today: chinaDate(new Date()), scope: 'full' as const, keyId: 'clk-1' };
  snapshotBytes = await signSnapshot(encodeSnapshot(meta, [{ code: listedEarlier, timeline: [1, FOREVER_DAY] }]), pair.privateKey, subtle);
});
beforeEach(() => fakeBrowser.reset());

/** The platform at data version `version()`: the snapshot it served was made at 5; `listedMeanwhile` was listed at 6. */
function platform(version: () => number) {
  const stamp = () => ({ asOf: new Date().toISOString(), dataVersion: version() });
  return makeFakeFetch((url): FakeReply => {
    if (url.endsWith('/.well-known/creditlens-record-key')) return { status: 200, body: { algorithm: 'Ed25519', ...key, ...stamp() } };
    if (url.endsWith('/api/v1/snapshot')) return { raw: '', status: 599 };
    // Full answers are slow (held): until they come, the snapshot is what the page shows.
    if (url.includes('/status')) return 'hang';
    if (url.includes('/health')) return { status: 200, body: { status: 'ok', apiVersion: 'v1', platform: 'p', anonymousReads: true, ...stamp() } };
    if (url.includes('/changes')) {
      const since = Number(new URL(url).searchParams.get('since'));
      const changes = since < 6 && version() >= 6 ? [{ cursor: 6, code: listedMeanwhile, at: new Date().toISOString(), kind: 'listed' }] : [];
      return { status: 200, body: { changes, cursor: Math.max(since, version()), hasMore: false, ...stamp() } };
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'no' } } };
  });
}

describe('createVerdictService after a browser restart with a kept snapshot', () => {
  let service: VerdictService | undefined;
  afterEach(() => service?.dispose());

  it('reads the changes since the snapshot, so a subject listed meanwhile is never shown clear from it', async () => {
    const settings = parseStoredSettings({ platformUrl: 'http://127.0.0.1:9', token: 'secret', changesPollSeconds: 60 });
    // Earlier today: the snapshot (data version 5) was downloaded and kept in storage.local.
    await snapshotItem.setValue({ source: answerSource(settings), keyId: key.keyId, publicKey: key.publicKey, bytes: bytesToBase64(snapshotBytes) });

    // The browser starts again; the platform is at 6 now. No saved state: the session is gone.
    const fake = platform(() => 6);
    const shown = new Map<string, string>();
    service = createVerdictService({ settings: () => settings, fetch: fake.fetch, onDirty: () => undefined, onVerdict: (code, v) => shown.set(code, v.kind) });
    service.watch([listedEarlier, listedMeanwhile]);
    await vi.waitFor(() => expect(service!.snapshotInfo().dataVersion).toBe(5));
    await service.pollChanges();
    await vi.waitFor(() => expect(service!.peek(listedEarlier)?.kind).toBe('black'));

    const feedReads = fake.calls.filter((c) => c.url.includes('/changes')).map((c) => Number(new URL(c.url).searchParams.get('since')));
    expect(feedReads[0]).toBe(5);
    // Named by the feed, the code waits for its re-read (held here): never the snapshot's "absent, so clear".
    expect(service.peek(listedMeanwhile)?.kind ?? 'pending').not.toBe('clear');
    expect(shown.get(listedMeanwhile)).not.toBe('clear');
  });
});
