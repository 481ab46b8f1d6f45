/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlatformConfig } from '../../../core/platforms/platform-config-schema.ts';
import { platformLinesText } from '../../../core/platforms/platform-lines-text.ts';
import { queueStorageKey } from '../../../widget/contract/local-storage-queue.ts';
import { createCreditStatusElement } from '../../../widget/element/credit-status-element.ts';
import { createCreditLensCore } from '../../../widget/runtime/create-credit-lens-core.ts';
import { createCreditLens } from '../../../widget/runtime/create-credit-lens.ts';
import { loadMore, type WidgetMore } from '../../../widget/runtime/load-more.ts';
import { withUsccCheck } from '../core/uscc/reference-uscc.ts';
import { BLACK_CODE, NOW, openCard, settle } from './fake-platform.ts';
import { fakePlatforms, type FakeAt } from './fake-platforms.ts';

const WUHAN_URL = 'https://credit.wuhan.example';
const HUBEI_URL = 'https://credit.hubei.example';
const WUHAN = '武汉市平台';
const HUBEI = '湖北省平台';
/** Registered in Wuhan (420102): both platforms cover it. */
const WUHAN_CODE = withUsccCheck('91420102MA4K7WH01');
const WUHAN_CLEAR = withUsccCheck('91420102MA4K7WH02');
/** Registered in Yichang (420500): the province's only. */
const YICHANG_CODE = withUsccCheck('91420500MA4K7YC01');
/** Registered in Fuzhou (350100): no configured platform covers it. */
const FUJIAN_CODE = BLACK_CODE;

const platforms: PlatformConfig[] = [
  { id: 'wuhan', url: WUHAN_URL, token: 'wuhan-token', regions: ['4201'], name: WUHAN },
  { id: 'hubei', url: `${HUBEI_URL}/`, regions: ['42'], name: HUBEI },
];

let fake: ReturnType<typeof fakePlatforms>;
let wuhan: FakeAt;
let hubei: FakeAt;
const statusCodes = (p: FakeAt) => p.calls.filter((c) => c.path === '/api/v1/status').map((c) => c.body!.codes);

function lens(options: Parameters<typeof createCreditLens>[0] = {}) {
  return createCreditLens(
    { platform: 'https://credit.example.gov.cn', platforms, ...options },
    { fetch: fake.fetch, now: () => NOW, changesIntervalMs: 60_000 },
  );
}

beforeEach(() => {
  fake = fakePlatforms([WUHAN_URL, HUBEI_URL]);
  wuhan = fake.at[WUHAN_URL]!;
  hubei = fake.at[HUBEI_URL]!;
  wuhan.entries.set(WUHAN_CODE, [{ id: 'e-w', category: '失信被执行人', department: '武汉市中级人民法院' }]);
  hubei.entries.set(YICHANG_CODE, [{ id: 'e-y', list: 'red', category: '纳税信用A级纳税人', department: '宜昌市税务局' }]);
  localStorage.clear();
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('configure({ platforms })', () => {
  it.each([
    ['a string', 'https://credit.example'],
    ['an object', { id: 'a' }],
  ])('throws a TypeError at once for %s', (_, value) => {
    expect(() => lens({ platforms: value as never })).toThrow(TypeError);
  });

  it('returns every code unknown, says why on the console and refuses a record for a list with a bad URL', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bad = lens({ platforms: [{ ...platforms[0]!, url: 'javascript:alert(1)' }] });
    const [result] = await bad.check(WUHAN_CODE);
    expect(result!.verdict.kind).toBe('unknown');
    expect(String(error.mock.calls[0]?.[1])).toMatch(/TypeError: CreditLens: platforms: 0\.url/);
    await expect(bad.recordSet({ codes: [WUHAN_CODE] })).rejects.toThrow(/platforms: 0\.url/);
    await expect(bad.ready()).rejects.toThrow(/platforms: 0\.url/);
    await expect(lens().ready()).resolves.toBeUndefined();
    expect(wuhan.calls).toEqual([]);
  });

  it('returns the platforms without their tokens in config', () => {
    const config = lens().config;
    expect(config.platforms!.map((p) => [p.id, 'token' in p])).toEqual([
      ['wuhan', false],
      ['hubei', false],
    ]);
    expect(config.hasToken).toBe(true);
  });

  it('keeps the answers when the same list is configured again, and asks again for another', async () => {
    const l = lens();
    await l.check(YICHANG_CODE);
    l.configure({ platforms: structuredClone(platforms), caseReference: 'CG-2' });
    await l.check(YICHANG_CODE);
    expect(statusCodes(hubei)).toHaveLength(1);
    l.configure({ platforms: [platforms[1]!] });
    await l.check(YICHANG_CODE);
    expect(statusCodes(hubei)).toHaveLength(2);
  });

  it('returns to the single platform when platforms is set to null', async () => {
    const single = fakePlatforms(['https://credit.example.gov.cn']);
    const back = createCreditLens({ platform: 'https://credit.example.gov.cn', platforms }, { fetch: single.fetch, now: () => NOW });
    back.configure({ platforms: null });
    const [result] = await back.check(WUHAN_CODE);
    expect(result!.verdict.kind).toBe('clear');
    expect(result!.verdict.platforms).toBeUndefined();
  });
});

describe('CreditLens.check with several platforms', () => {
  it('asks each code only of the platforms covering it, one batch per platform', async () => {
    await lens().check([WUHAN_CODE, YICHANG_CODE]);
    expect(statusCodes(wuhan)).toEqual([[WUHAN_CODE]]);
    expect(statusCodes(hubei)).toEqual([[WUHAN_CODE, YICHANG_CODE]]);
  });

  it('returns the union of the entries, each named by its platform, and one line per platform', async () => {
    const [result] = await lens().check(WUHAN_CODE);
    expect(result!.verdict.kind).toBe('black');
    expect(result!.verdict.activeEntries.map((e) => e.id)).toEqual(['wuhan:e-w']);
    expect(platformLinesText(result!.verdict.platforms!)).toBe(`${WUHAN}：黑名单；${HUBEI}：未列入`);
  });

  it('returns clear only when every covering platform answered clear', async () => {
    const [clear] = await lens().check(WUHAN_CLEAR);
    expect(clear!.verdict.kind).toBe('clear');
    hubei.down = true;
    const [failed] = await lens().check(WUHAN_CLEAR);
    expect(failed!.verdict.kind).toBe('unknown');
    expect(failed!.verdict.lastKnown).toBe('clear');
    expect(platformLinesText(failed!.verdict.platforms!)).toBe(`${WUHAN}：未列入；${HUBEI}：无法连接`);
  }, 20_000);

  it('returns unknown (no-covering-platform), never clear, for a code no platform covers, and asks none', async () => {
    const [result] = await lens().check(FUJIAN_CODE);
    expect(result!.verdict.kind).toBe('unknown');
    expect(result!.verdict.reason.detail).toBe('no-covering-platform');
    expect([...wuhan.calls, ...hubei.calls].filter((c) => c.path === '/api/v1/status')).toEqual([]);
  });

  it('sends each platform its own token, asks the provider for the others with the platform, and never the single token', async () => {
    const provider = vi.fn(async (p?: { id: string }) => `provided-for-${p?.id}`);
    await lens({ token: 'single-token', tokenProvider: provider }).check(WUHAN_CODE);
    expect(wuhan.calls.find((c) => c.path === '/api/v1/status')!.auth).toBe('Bearer wuhan-token');
    expect(hubei.calls.find((c) => c.path === '/api/v1/status')!.auth).toBe('Bearer provided-for-hubei');
    expect(provider).toHaveBeenCalledWith({ id: 'hubei', url: HUBEI_URL, name: HUBEI });
    expect(provider.mock.calls.every(([p]) => p?.id === 'hubei')).toBe(true);
  });
});

describe('CreditLens.check while the platforms load', () => {
  it('returns the answer of the list in force when the list changed while it waited', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const core = createCreditLensCore({ fetch: fake.fetch, now: () => NOW, changesIntervalMs: 60_000, loadMore: () => gate.then(loadMore) });
    core.configure({ platforms: [platforms[0]!] });
    const asked = core.check(YICHANG_CODE);
    core.configure({ platforms });
    release();
    const [result] = await asked;
    expect(result!.verdict.kind).toBe('red');
    expect(statusCodes(hubei)).toEqual([[YICHANG_CODE]]);
  });
});

describe('<credit-status> with several platforms', () => {
  it('shows pending until the rest of the widget has loaded, then the merged verdict, and the card names each source', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = vi.fn(async (): Promise<WidgetMore> => {
      await gate;
      return loadMore();
    });
    const core = createCreditLensCore({ fetch: fake.fetch, now: () => NOW, changesIntervalMs: 60_000, loadMore: load });
    core.configure({ platforms });
    const tag = 'credit-status-platforms';
    customElements.define(tag, createCreditStatusElement(core));
    const el = document.createElement(tag);
    el.setAttribute('code', YICHANG_CODE);
    document.body.append(el);
    await settle();
    expect(el.shadowRoot!.querySelector('.cl-badge')!.getAttribute('data-verdict')).toBe('pending');
    expect(hubei.calls).toEqual([]);
    release();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('.cl-badge')!.getAttribute('data-verdict')).toBe('red'));
    const root = await openCard(el);
    expect(root.querySelector('.cl-platforms')!.textContent).toBe(`${HUBEI}：红名单`);
    expect(root.querySelector('.cl-card')!.textContent).toContain(`来源：${HUBEI}`);
    expect(root.querySelector('.cl-link')!.getAttribute('href')).toContain(HUBEI_URL);
  });
});

describe('changes feeds with several platforms', () => {
  it('follows each platform’s feed on its own: a change the province names is asked again of the province only', async () => {
    const core = createCreditLensCore({ fetch: fake.fetch, now: () => NOW, changesIntervalMs: 30 });
    core.configure({ platforms });
    const seen: string[] = [];
    const stop = core.watch(WUHAN_CODE, (state) => seen.push(state.verdict.kind));
    await vi.waitFor(() => expect(seen.at(-1)).toBe('black'));
    await vi.waitFor(() => expect(hubei.calls.some((c) => c.path === '/api/v1/changes')).toBe(true));
    hubei.entries.set(WUHAN_CODE, [{ id: 'e-h', list: 'red', category: '纳税信用A级纳税人' }]);
    hubei.changed.push(WUHAN_CODE);
    await vi.waitFor(() => expect(statusCodes(hubei)).toHaveLength(2));
    expect(statusCodes(wuhan)).toHaveLength(1);
    stop();
  });
});

describe('feedback and objections with several platforms', () => {
  async function loadedCore() {
    const core = createCreditLensCore({ fetch: fake.fetch, now: () => NOW, changesIntervalMs: 60_000 });
    core.configure({ platforms, operator: '张三', context: 'procurement' });
    await core.check(WUHAN_CODE);
    return core;
  }
  const draft = (entryId: string | null) =>
    ({
      code: WUHAN_CODE,
      entryId,
      measureId: 'm-proc',
      outcome: 'applied',
      reason: null,
      caseReference: 'CG-1',
      note: null,
      operator: '张三',
      context: 'procurement',
    }) as const;
  const posted = (p: FakeAt, path: string) => p.calls.filter((c) => c.path === path && c.method === 'POST').map((c) => c.body);

  it('sends feedback on an entry to the platform owning it only, with its own entry id, from its own queue', async () => {
    const core = await loadedCore();
    await core.feedback()!.enqueue(draft('wuhan:e-w'));
    await vi.waitFor(() => expect(posted(wuhan, '/api/v1/feedback')).toHaveLength(1));
    expect(posted(wuhan, '/api/v1/feedback')[0]).toMatchObject({ code: WUHAN_CODE, entryId: 'e-w', measureId: 'm-proc' });
    expect(posted(hubei, '/api/v1/feedback')).toEqual([]);
    await vi.waitFor(() => expect(localStorage.getItem(queueStorageKey(WUHAN_URL))).toBeNull());
  });

  it('refuses feedback on an entry no configured platform owns, sending it nowhere', async () => {
    const core = await loadedCore();
    await expect(core.feedback()!.enqueue(draft('elsewhere:e-w'))).rejects.toMatchObject({ status: 400 });
    await expect(core.feedback()!.enqueue(draft('e-w'))).rejects.toMatchObject({ status: 400 });
    await settle();
    expect([...posted(wuhan, '/api/v1/feedback'), ...posted(hubei, '/api/v1/feedback')]).toEqual([]);
  });

  it('sends feedback on the subject (no entry) to the first covering platform', async () => {
    const core = await loadedCore();
    await core.feedback()!.enqueue(draft(null));
    await vi.waitFor(() => expect(posted(wuhan, '/api/v1/feedback')).toHaveLength(1));
    expect(posted(hubei, '/api/v1/feedback')).toEqual([]);
  });

  it('sends an objection to the platform owning the entry, with its own entry id', async () => {
    const core = await loadedCore();
    const objection = { code: YICHANG_CODE, entryId: 'hubei:e-y', reason: '该记录已于去年履行完毕，请核查。', contact: '13800000000' };
    await expect(core.feedback()!.objection(objection)).rejects.toMatchObject({ status: 400 });
    expect(posted(hubei, '/api/v1/objections')).toEqual([{ ...objection, entryId: 'e-y' }]);
    expect(posted(wuhan, '/api/v1/objections')).toEqual([]);
  });
});

describe('CreditLens.recordSet with several platforms', () => {
  it('asks each platform to sign the codes it covers, every part naming the same set', async () => {
    document.body.innerHTML = `<table><tbody><tr><td>宜昌某某有限公司</td><td>${YICHANG_CODE}</td></tr><tr><td>武汉某某有限公司</td><td>${WUHAN_CODE}</td></tr></tbody></table>`;
    await expect(lens().recordSet({ codes: [WUHAN_CODE, YICHANG_CODE], caseReference: 'CG-1' })).rejects.toMatchObject({ status: 400 });
    const [city] = wuhan.calls.filter((c) => c.path === '/api/v1/records').map((c) => c.body!);
    const [province] = hubei.calls.filter((c) => c.path === '/api/v1/records').map((c) => c.body!);
    expect(city).toMatchObject({ codes: [WUHAN_CODE], caseReference: 'CG-1', pageNames: { [WUHAN_CODE]: '武汉某某有限公司' } });
    expect(province).toMatchObject({ codes: [WUHAN_CODE, YICHANG_CODE], pageNames: { [WUHAN_CODE]: '武汉某某有限公司', [YICHANG_CODE]: '宜昌某某有限公司' } });
    expect(city!.set).toEqual(province!.set);
    expect(city!.set).toMatchObject({ platforms: [WUHAN_URL, HUBEI_URL], codes: [WUHAN_CODE, YICHANG_CODE] });
  });

  it('asks the one platform for a set of one part when only platform is configured', async () => {
    const single = fakePlatforms(['https://credit.example.gov.cn']);
    const one = createCreditLens({ platform: 'https://credit.example.gov.cn' }, { fetch: single.fetch, now: () => NOW });
    await expect(one.recordSet({ codes: [FUJIAN_CODE] })).rejects.toMatchObject({ status: 400 });
    const [asked] = single.at['https://credit.example.gov.cn']!.calls.filter((c) => c.path === '/api/v1/records');
    expect(asked!.body).toMatchObject({ codes: [FUJIAN_CODE], set: { platforms: ['https://credit.example.gov.cn'], codes: [FUJIAN_CODE] } });
  });

  it('refuses a record with a code no platform covers, asking none', async () => {
    await expect(lens().recordSet({ codes: [WUHAN_CODE, FUJIAN_CODE] })).rejects.toThrow(/no-covering-platform.*91350100M000100Y43/);
    expect([...wuhan.calls, ...hubei.calls].filter((c) => c.path === '/api/v1/records')).toEqual([]);
  });

  it('refuses record() (one signed record) while several platforms are configured', async () => {
    await expect(lens().record({ codes: [WUHAN_CODE] })).rejects.toThrow(/use recordSet\(\)/);
  });

  it('returns a record in parts as one JSON file, and refuses CSV for it', async () => {
    const l = lens();
    await expect(l.recordSet({ codes: [WUHAN_CODE] })).rejects.toBeTruthy();
    const set = {
      kind: 'creditlens-record-set',
      version: 1,
      parts: [{ platformId: 'hubei', platformName: HUBEI, platformUrl: HUBEI_URL, signed: { record: {} } }],
    } as never;
    await expect(l.exportRecord(set, 'json').text()).resolves.toContain('"creditlens-record-set"');
    expect(() => l.exportRecord(set, 'csv')).toThrow(TypeError);
  });

  it('prints a part at the platform that signed it, and refuses a bare record while several platforms are configured', () => {
    const submitted: string[] = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      submitted.push(this.action);
    });
    const l = lens();
    const signed = { record: { recordId: 'r-1' } } as never;
    l.openPrintView({ platformId: 'hubei', platformName: HUBEI, platformUrl: HUBEI_URL, signed });
    expect(submitted).toEqual([`${HUBEI_URL}/records/print`]);
    expect(() => l.openPrintView(signed)).toThrow(TypeError);
    // The record is posted to the part's platform: only to one configured here.
    expect(() => l.openPrintView({ platformId: 'x', platformName: 'x', platformUrl: 'https://elsewhere.example', signed })).toThrow(TypeError);
    // Nor to `platform`, which is not in use while the list is.
    expect(() => l.openPrintView({ platformId: 'default', platformName: 'x', platformUrl: 'https://credit.example.gov.cn', signed })).toThrow(TypeError);
    expect(submitted).toHaveLength(1);
  });

  it('counts the top-level token as no credential of the list (it is never sent to a listed platform)', () => {
    const withoutTokens = platforms.map(({ token: _token, ...p }) => p);
    expect(lens({ token: 'single-token', platforms: withoutTokens }).config.hasToken).toBe(false);
    expect(lens({ token: 'single-token', platforms: withoutTokens, tokenProvider: () => 't' }).config.hasToken).toBe(true);
    expect(lens({ token: 'single-token', platforms: null }).config.hasToken).toBe(true);
  });
});
