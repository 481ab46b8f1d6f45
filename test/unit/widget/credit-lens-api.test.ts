/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { createCreditLens } from '../../../widget/runtime/create-credit-lens.ts';
import { VERDICT_EVENT, type VerdictEventDetail } from '../../../widget/contract/verdict-event.ts';
import { BLACK_CODE, CLEAR_CODE, NOW, RED_CODE, fakePlatform, settle, type FakePlatform } from './fake-platform.ts';

let platform: FakePlatform;
let events: VerdictEventDetail[];
const target = new EventTarget();
target.addEventListener(VERDICT_EVENT, (e) => events.push((e as CustomEvent<VerdictEventDetail>).detail));

function lens(options = {}) {
  return createCreditLens({ platform: 'https://credit.example.gov.cn', retries: undefined, ...options } as Parameters<typeof createCreditLens>[0], {
    fetch: platform.fetch,
    now: () => NOW,
    eventTarget: () => target,
    changesIntervalMs: 60_000,
  });
}

beforeEach(() => {
  platform = fakePlatform();
  events = [];
});

describe('CreditLens.check', () => {
  it('returns a verdict per code from one batched request', async () => {
    const results = await lens().check([BLACK_CODE, RED_CODE, CLEAR_CODE]);
    expect(results.map((r) => [r.code, r.verdict.kind])).toEqual([
      [BLACK_CODE, 'black'],
      [RED_CODE, 'red'],
      [CLEAR_CODE, 'clear'],
    ]);
    expect(results[0]!.name).toBe(`主体${BLACK_CODE.slice(-4)}`);
    expect(platform.calls.filter((c) => c.url === '/api/v1/status')).toHaveLength(1);
  });

  it('returns normalized codes for inputs written with separators and lower case', async () => {
    const [result] = await lens().check(`  ${BLACK_CODE.slice(0, 6)} ${BLACK_CODE.slice(6).toLowerCase()} `);
    expect(result!.code).toBe(BLACK_CODE);
    expect(result!.verdict.kind).toBe('black');
  });

  it('returns invalid without asking the platform when the input is not a code', async () => {
    const [result] = await lens().check('not-a-code');
    expect(result!.verdict.kind).toBe('invalid');
    expect(platform.calls).toHaveLength(0);
  });

  it('returns unknown, never clear, when the platform is down', async () => {
    platform.down = true;
    const [result] = await lens({ retries: 0 }).check(CLEAR_CODE);
    expect(result!.verdict.kind).toBe('unknown');
    expect(result!.verdict.reason.errorKind).toBe('offline');
  }, 20_000);

  it('returns unknown when no platform is configured', async () => {
    const [result] = await createCreditLens({}, { fetch: platform.fetch, eventTarget: () => target }).check(CLEAR_CODE);
    expect(result!.verdict.kind).toBe('unknown');
    expect(platform.calls).toHaveLength(0);
  });

  it('returns answers from the cache on a second check', async () => {
    const l = lens();
    await l.check(BLACK_CODE);
    await l.check(BLACK_CODE);
    expect(platform.calls.filter((c) => c.url === '/api/v1/status')).toHaveLength(1);
  });
});

describe('CreditLens.configure', () => {
  it('returns a token from the tokenProvider on every request', async () => {
    let n = 0;
    const l = lens({ tokenProvider: async () => `short-lived-${++n}` });
    await l.check(BLACK_CODE);
    expect(platform.calls[0]!.auth).toBe('Bearer short-lived-1');
    expect(l.config.hasToken).toBe(true);
    expect(JSON.stringify(l.config)).not.toContain('short-lived');
  });

  it('returns no Authorization header without a token', async () => {
    await lens().check(BLACK_CODE);
    expect(platform.calls[0]!.auth).toBeNull();
  });

  it.each([[{ platform: 'javascript:alert(1)' }], [{ context: 'everywhere' }], [{ freshness: -1 }], [{ tokenProvider: 'getToken' }]])(
    'throws for %j',
    (bad) => {
      expect(() => lens().configure(bad as never)).toThrow(TypeError);
    },
  );

  it('returns the configuration without the trailing slash and with the context', () => {
    const l = lens({ platform: 'https://credit.example.gov.cn/', context: 'procurement', freshness: 60_000 });
    expect(l.config).toMatchObject({ platform: 'https://credit.example.gov.cn', context: 'procurement', freshness: 60_000, hasToken: false });
  });
});

describe('creditlens:verdict', () => {
  it('returns one event per code when its verdict becomes known', async () => {
    const l = lens();
    await l.check([BLACK_CODE, CLEAR_CODE]);
    await l.check([BLACK_CODE]);
    expect(events.map((e) => [e.code, e.verdict.kind, e.previous])).toEqual([
      [BLACK_CODE, 'black', null],
      [CLEAR_CODE, 'clear', null],
    ]);
  });

  it('returns another event when the verdict changes', async () => {
    const l = lens();
    await l.check(BLACK_CODE);
    platform.entries.set(BLACK_CODE, [{ id: 'e-black', state: 'disputed' }]);
    await l.refresh();
    await settle();
    await l.check(BLACK_CODE);
    expect(events.map((e) => [e.verdict.kind, e.previous])).toEqual([
      ['black', null],
      ['disputed', 'black'],
    ]);
  });
});
