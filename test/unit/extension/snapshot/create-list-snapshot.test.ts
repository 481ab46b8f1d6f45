import { webcrypto } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { StatusResult } from '../../../../core/api/status-schema.ts';
import { bytesToBase64 } from '../../../../core/record/base64.ts';
import { FOREVER_DAY } from '../../../../core/snapshot/china-day-number.ts';
import { encodeSnapshot } from '../../../../core/snapshot/encode-snapshot.ts';
import { signSnapshot } from '../../../../core/snapshot/sign-snapshot.ts';
import { chinaDate } from '../../../../core/time/china-time.ts';
import { createListSnapshot, type ListSnapshotOptions } from '../../../../extension/snapshot/create-list-snapshot.ts';
import { snapshotInfoItem } from '../../../../extension/snapshot/snapshot-items.ts';
import { makeEntry } from '../../core/fixtures/make-entry.ts';
import { makeSnapshotCode } from '../../core/snapshot/make-snapshot-code.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const listed = makeSnapshotCode(1);
const unlisted = makeSnapshotCode(2);
const minute = 60_000;
let key: { keyId: string; publicKey: string };
let signed: Uint8Array;

beforeAll(async () => {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  key = { keyId: 'clk-1', publicKey: bytesToBase64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey))) };
  const meta = { dataVersion: 5, asOf: new Date().toISOString(), today: chinaDate(new Date()), scope: 'public' as const, keyId: 'clk-1' };
  signed = await signSnapshot(encodeSnapshot(meta, [{ code: listed, timeline: [1, FOREVER_DAY] }]), pair.privateKey, subtle);
});
beforeEach(() => fakeBrowser.reset());

function platform(bytes: () => Uint8Array = () => signed) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(new URL(url).pathname);
    if (url.endsWith('/.well-known/creditlens-record-key')) {
      return new Response(JSON.stringify({ algorithm: 'Ed25519', ...key, asOf: new Date().toISOString(), dataVersion: 5 }), { status: 200 });
    }
    if (url.endsWith('/api/v1/snapshot')) return new Response(new Uint8Array(bytes()), { status: 200 });
    return new Response('', { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

function make(overrides: Partial<ListSnapshotOptions> & { fetch: typeof globalThis.fetch }) {
  const updated: Array<string[] | null> = [];
  const snapshot = createListSnapshot({
    platformUrl: 'http://platform.test',
    source: 'http://platform.test|anonymous',
    token: () => null,
    freshnessMs: 5 * minute,
    reread: async () => [],
    onUpdated: (codes) => updated.push(codes),
    subtle,
    ...overrides,
  });
  return { snapshot, updated };
}

const result = (code: string, entries: StatusResult['entries']): StatusResult => ({
  code,
  found: true,
  invalid: false,
  subject: null,
  entries,
  asOf: new Date().toISOString(),
  dataVersion: 6,
});

describe('createListSnapshot', () => {
  it('does not take a downloaded snapshot older than the changes already read (a platform serving a cached one)', async () => {
    let serving = false;
    const { fetch } = platform(() => {
      if (!serving) throw new Error('not yet');
      return signed;
    });
    const { snapshot } = make({ fetch });
    await snapshot.ready;
    // No snapshot yet, and the feed has read up to 9; then the platform serves its cached snapshot of 5.
    snapshot.feedRead(9);
    serving = true;
    await snapshot.refresh();
    expect(snapshot.info()).toMatchObject({ dataVersion: null, current: false });
    expect(snapshot.info().message).toContain('早于已读取的变更');
    expect(snapshot.verdict(unlisted)).toBeNull();
  });

  it('takes a cached snapshot when the one it replaces was read up to the feed (its re-read codes carried over)', async () => {
    const { fetch } = platform();
    const { snapshot } = make({ fetch });
    await snapshot.ready;
    snapshot.feedRead(9);
    await snapshot.refresh();
    expect(snapshot.info()).toMatchObject({ dataVersion: 9, current: true, message: null });
  });

  it('downloads and verifies the snapshot, then answers a listed code its class and an absent one clear', async () => {
    const { fetch, asked } = platform();
    const { snapshot, updated } = make({ fetch });
    await snapshot.ready;
    expect(asked).toEqual(['/.well-known/creditlens-record-key', '/api/v1/snapshot']);
    expect(snapshot.verdict(listed)).toMatchObject({ kind: 'black', reason: { detail: 'snapshot' } });
    expect(snapshot.verdict(unlisted)).toMatchObject({ kind: 'clear', reason: { code: 'nothing-active-public' } });
    expect(updated).toContainEqual(null);
    expect(snapshot.info()).toMatchObject({ state: 'ok', count: 1, bytes: signed.length, dataVersion: 5, scope: 'public', current: true });
    expect(await snapshotInfoItem.getValue()).toMatchObject({ state: 'ok', count: 1 });
  });

  it('refuses a snapshot whose bytes were altered, says why, and answers nothing from it', async () => {
    const { fetch } = platform(() => {
      const altered = new Uint8Array(signed);
      altered[altered.length - 70] = (altered[altered.length - 70] as number) ^ 1;
      return altered;
    });
    const { snapshot } = make({ fetch });
    await snapshot.ready;
    expect(snapshot.verdict(listed)).toBeNull();
    expect(snapshot.verdict(unlisted)).toBeNull();
    expect(snapshot.info()).toMatchObject({ state: 'refused', count: 0 });
    expect(snapshot.info().message).toMatch(/签名验证失败/);
    expect((await snapshotInfoItem.getValue())?.state).toBe('refused');
  });

  it('says unknown with the snapshot as last known answer once the feed was not read within the window', async () => {
    let clock = Date.now();
    const { fetch } = platform();
    const { snapshot } = make({ fetch, now: () => clock });
    await snapshot.ready;
    clock += 4 * minute;
    expect(snapshot.verdict(unlisted)?.kind).toBe('clear');
    clock += 2 * minute;
    expect(snapshot.verdict(unlisted)).toMatchObject({
      kind: 'unknown',
      lastKnown: 'clear',
      reason: { detail: expect.stringMatching(/^据 \d\d:\d\d 名单快照：未列入$/) },
    });
    expect(snapshot.verdict(listed)).toMatchObject({ kind: 'unknown', lastKnown: 'black' });
    snapshot.feedRead(6);
    expect(snapshot.verdict(listed)?.kind).toBe('black');
  });

  it('re-reads the codes the feed names, and does not speak for them until then', async () => {
    const { fetch } = platform();
    let release: (r: StatusResult[]) => void = () => undefined;
    const { snapshot } = make({ fetch, reread: () => new Promise((resolve) => (release = resolve)) });
    await snapshot.ready;
    const applying = snapshot.changed([unlisted]);
    expect(snapshot.verdict(unlisted)).toBeNull();
    release([result(unlisted, [makeEntry()])]);
    await applying;
    expect(snapshot.verdict(unlisted)?.kind).toBe('black');
  });

  it('lets a full answer that disagrees replace its entry', async () => {
    const { fetch } = platform();
    const { snapshot } = make({ fetch });
    await snapshot.ready;
    snapshot.observe({ ...result(listed, []), found: false });
    expect(snapshot.verdict(listed)?.kind).toBe('clear');
  });

  it('restores the stored snapshot on the next start without downloading it again', async () => {
    const first = platform();
    const one = make({ fetch: first.fetch });
    await one.snapshot.ready;
    const second = platform();
    const two = make({ fetch: second.fetch });
    await two.snapshot.ready;
    expect(second.asked).toEqual([]);
    expect(two.snapshot.verdict(listed)?.kind).toBe('black');
    const other = platform();
    const three = make({ fetch: other.fetch, source: 'http://platform.test|other-token' });
    await three.snapshot.ready;
    expect(other.asked).toContain('/api/v1/snapshot');
  });
});
