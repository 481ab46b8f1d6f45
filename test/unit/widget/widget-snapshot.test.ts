/** @vitest-environment happy-dom */
import { webcrypto } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64 } from '../../../core/record/base64.ts';
import { FOREVER_DAY } from '../../../core/snapshot/china-day-number.ts';
import { encodeSnapshot } from '../../../core/snapshot/encode-snapshot.ts';
import { signSnapshot } from '../../../core/snapshot/sign-snapshot.ts';
import { WITHHELD_CLASS } from '../../../core/snapshot/snapshot-class.ts';
import { createCreditStatusElement } from '../../../widget/element/credit-status-element.ts';
import { createCreditLensCore, type CreditLensCore } from '../../../widget/runtime/create-credit-lens-core.ts';
import { loadMore } from '../../../widget/runtime/load-more.ts';
import { DEFAULT_CONFIG, mergeConfig } from '../../../widget/contract/widget-config.ts';
import { makeSnapshotCode } from '../core/snapshot/make-snapshot-code.ts';
import type { CodeState } from '../../../widget/contract/code-watcher.ts';
import { ASOF, BLACK_CODE, CLEAR_CODE, NOW, RED_CODE, fakePlatform, settle, type FakePlatform } from './fake-platform.ts';

// A code whose class rests on internal entries only: the snapshot withholds it (the page can read what is painted).
const INTERNAL_CODE = makeSnapshotCode(1234);
const subtle = webcrypto.subtle as unknown as SubtleCrypto;
let key: { keyId: string; publicKey: string };
let snapshotBytes: Uint8Array;

beforeAll(async () => {
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  key = { keyId: 'clk-test', publicKey: bytesToBase64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey))) };
  // The snapshot lists RED_CODE as black: a full answer (red) must win over it once it comes.
  const meta = { dataVersion: 3, asOf: ASOF, today: '2026-03-01', scope: 'public' as const, keyId: key.keyId };
  snapshotBytes = await signSnapshot(
    encodeSnapshot(meta, [
      { code: BLACK_CODE, timeline: [1, FOREVER_DAY] },
      { code: RED_CODE, timeline: [1, FOREVER_DAY] },
      { code: INTERNAL_CODE, timeline: [WITHHELD_CLASS, FOREVER_DAY] },
    ]),
    pair.privateKey,
    subtle,
  );
});

let platform: FakePlatform;
let held: Array<() => void>;
/** The codes of every status request, as it was sent. */
let asked: string[];
let holding: boolean;
let altered: boolean;
let now: Date;
let core: CreditLensCore;
let tag: string;
let seq = 0;

beforeEach(() => {
  platform = fakePlatform();
  held = [];
  asked = [];
  holding = true;
  altered = false;
  now = NOW;
  const fetchThrough: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    if (path === '/.well-known/creditlens-record-key') {
      platform.calls.push({ url: path, codes: null, auth: null });
      return Response.json({ algorithm: 'Ed25519', ...key, asOf: ASOF, dataVersion: 3 });
    }
    if (path === '/api/v1/snapshot') {
      platform.calls.push({ url: path, codes: null, auth: null });
      if (platform.down) throw new TypeError('Failed to fetch');
      const bytes = new Uint8Array(snapshotBytes);
      if (altered) bytes[bytes.length - 80] = (bytes[bytes.length - 80] as number) ^ 1;
      return new Response(bytes, { status: 200 });
    }
    // Status answers are held until the test releases them: what paints before is the snapshot's.
    if (path === '/api/v1/status') asked.push(...(JSON.parse(String(init?.body)) as { codes: string[] }).codes);
    if (path === '/api/v1/status' && holding) await new Promise<void>((resolve) => held.push(resolve));
    return platform.fetch(input, init);
  };
  core = createCreditLensCore({ fetch: fetchThrough, now: () => now, changesIntervalMs: 30, loadMore });
  tag = `credit-status-snapshot-${++seq}`;
  customElements.define(tag, createCreditStatusElement(core));
});

afterEach(() => {
  document.body.replaceChildren();
  core.configure({ platform: undefined as unknown as string, snapshot: false });
  vi.restoreAllMocks();
});

function mount(code: string): HTMLElement {
  const el = document.createElement(tag);
  el.setAttribute('code', code);
  document.body.append(el);
  return el;
}
const shown = (el: HTMLElement) => el.shadowRoot!.querySelector('.cl-badge')?.getAttribute('data-verdict') ?? null;
const release = () => {
  holding = false;
  for (const go of held.splice(0)) go();
};

describe('the widget with data-snapshot', () => {
  it('paints codes never seen from the verified snapshot while status answers are held, and the full answer wins', async () => {
    core.configure({ platform: 'https://credit.example.gov.cn', snapshot: true, freshness: 60_000 });
    // What had been asked when the snapshot's answer for BLACK_CODE was shown.
    let askedAtPaint: string[] | null = null;
    const stop = core.watch(BLACK_CODE, (state) => {
      if (state.verdict.kind === 'black' && askedAtPaint === null) askedAtPaint = [...asked];
    });
    const black = mount(BLACK_CODE);
    const red = mount(RED_CODE);
    const clear = mount(CLEAR_CODE);
    const internal = mount(INTERNAL_CODE);
    await vi.waitFor(() => expect([shown(black), shown(red), shown(clear)]).toEqual(['black', 'black', 'clear']), { timeout: 3000, interval: 10 });
    // Painted from the snapshot before a status request was even sent for them…
    expect(askedAtPaint).toEqual([]);
    // …which follow after the frame, for the name and the card; the withheld code was asked at once.
    await vi.waitFor(() => expect(new Set(asked)).toEqual(new Set([BLACK_CODE, RED_CODE, CLEAR_CODE, INTERNAL_CODE])), { timeout: 3000, interval: 10 });
    stop();
    // Withheld by the snapshot: it waits for its full answer, as without the snapshot.
    expect(shown(internal)).toBe('pending');
    release();
    // The full answer (red on the platform) replaces the snapshot's black.
    await vi.waitFor(() => expect([shown(black), shown(red), shown(clear)]).toEqual(['black', 'red', 'clear']), { timeout: 3000, interval: 10 });
  });

  it('says unknown with the snapshot as the last answer once the feed has not been read within the window', async () => {
    core.configure({ platform: 'https://credit.example.gov.cn', snapshot: true, freshness: 60_000 });
    const black = mount(BLACK_CODE);
    let state: CodeState | null = null;
    const stop = core.watch(BLACK_CODE, (s) => (state = s));
    await vi.waitFor(() => expect(shown(black)).toBe('black'), { timeout: 3000, interval: 10 });
    platform.down = true;
    now = new Date(NOW.getTime() + 120_000);
    await vi.waitFor(() => expect(shown(black)).toBe('unknown'), { timeout: 3000, interval: 10 });
    const verdict = (state as CodeState | null)?.verdict;
    expect(verdict).toMatchObject({ kind: 'unknown', lastKnown: 'black', stale: true });
    expect(verdict?.reason.detail).toMatch(/^据 \d\d:\d\d 名单快照：黑名单$/);
    stop();
  });

  it('refuses a snapshot whose bytes were altered: nothing paints before the full answer, and the error is logged', async () => {
    altered = true;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    core.configure({ platform: 'https://credit.example.gov.cn', snapshot: true });
    const black = mount(BLACK_CODE);
    await vi.waitFor(() => expect(errors).toHaveBeenCalledWith(expect.stringContaining('名单快照签名验证失败')), { timeout: 3000, interval: 10 });
    await settle();
    expect(shown(black)).toBe('pending');
    release();
    await vi.waitFor(() => expect(shown(black)).toBe('black'), { timeout: 3000, interval: 10 });
  });

  it('asks for no snapshot without the option', async () => {
    core.configure({ platform: 'https://credit.example.gov.cn' });
    const black = mount(BLACK_CODE);
    release();
    await vi.waitFor(() => expect(shown(black)).toBe('black'), { timeout: 3000, interval: 10 });
    expect(platform.calls.map((c) => c.url)).not.toContain('/api/v1/snapshot');
    expect(platform.calls.map((c) => c.url)).not.toContain('/.well-known/creditlens-record-key');
  });
});

describe('configure({ snapshot })', () => {
  it('returns the snapshot off by default, on only for true', () => {
    expect(DEFAULT_CONFIG.snapshot).toBe(false);
    expect(mergeConfig(DEFAULT_CONFIG, { snapshot: true }).snapshot).toBe(true);
    expect(mergeConfig({ ...DEFAULT_CONFIG, snapshot: true }, { snapshot: false }).snapshot).toBe(false);
    expect(mergeConfig(DEFAULT_CONFIG, { snapshot: 'yes' as unknown as boolean }).snapshot).toBe(false);
    expect(mergeConfig({ ...DEFAULT_CONFIG, snapshot: true }, {}).snapshot).toBe(true);
  });
});
