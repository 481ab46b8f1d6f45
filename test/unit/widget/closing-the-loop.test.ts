/** @vitest-environment happy-dom */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCreditLens, type CreditLens } from '../../../widget/runtime/create-credit-lens.ts';
import { queueStorageKey } from '../../../widget/contract/local-storage-queue.ts';
import { VERDICT_EVENT, type VerdictEventDetail } from '../../../widget/contract/verdict-event.ts';
import { ASOF, BLACK_CODE, NOW, fakePlatform, openCard, settle, type FakePlatform } from './fake-platform.ts';

let platform: FakePlatform;
let lens: CreditLens;
let down = false;
const posted: { path: string; body: unknown }[] = [];
const stamp = { asOf: ASOF, dataVersion: 3 };
const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

/** The fake platform plus the closing-the-loop endpoints. */
const fetchVia: typeof fetch = async (input, init = {}) => {
  const url = new URL(String(input));
  const body = typeof init.body === 'string' ? JSON.parse(init.body) : null;
  if (url.pathname === '/api/v1/feedback' && init.method === 'POST') {
    if (down) throw new TypeError('Failed to fetch');
    posted.push({ path: url.pathname, body });
    return json(201, { feedback: { id: 'fb-1', ...body, department: '区发改局', receivedAt: ASOF }, duplicate: false, ...stamp });
  }
  if (url.pathname === '/api/v1/feedback')
    return json(200, { code: url.searchParams.get('code'), caseReference: url.searchParams.get('caseReference'), feedback: [], ...stamp });
  if (url.pathname === '/api/v1/records') {
    posted.push({ path: url.pathname, body });
    return json(400, { error: { code: 'bad_request', message: 'test stops here' } });
  }
  return platform.fetch(input, init);
};

beforeAll(() => {
  lens = createCreditLens(
    { platform: 'https://credit.example.gov.cn', context: 'procurement' },
    { fetch: fetchVia, now: () => NOW, changesIntervalMs: 60_000 },
  );
  lens.defineElement();
});

beforeEach(() => {
  platform = fakePlatform();
  posted.length = 0;
  down = false;
  localStorage.clear();
  lens.configure({ platform: `https://credit-${Math.random().toString(36).slice(2)}.example.gov.cn`, token: null, operator: null });
});

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(attrs: Record<string, string>): Promise<HTMLElement> {
  const el = document.createElement('credit-status');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await settle();
  return el;
}

const expand = (el: HTMLElement): Promise<ShadowRoot> => openCard(el);

describe('<credit-status name>', () => {
  it('returns the mismatch flag and nameMatches false for another name', async () => {
    const events: VerdictEventDetail[] = [];
    const el = document.createElement('credit-status');
    el.addEventListener(VERDICT_EVENT, (e) => events.push(e.detail));
    el.setAttribute('code', BLACK_CODE);
    el.setAttribute('name', '别的公司');
    document.body.append(el);
    await settle();
    expect(el.shadowRoot!.querySelector('.cl-mismatch')!.textContent).toBe('⚠ 名称与代码不符');
    expect(events.at(-1)).toMatchObject({ pageName: '别的公司', nameMatches: false });
    const root = await expand(el);
    expect(root.querySelector('.cl-mismatch-notice')!.textContent).toContain('别的公司');
  });

  it('returns no flag and nameMatches true for the registered name', async () => {
    const events: VerdictEventDetail[] = [];
    document.addEventListener(VERDICT_EVENT, (e) => events.push(e.detail));
    const el = await mount({ code: BLACK_CODE, name: `主体${BLACK_CODE.slice(-4)}` });
    expect(el.shadowRoot!.querySelector('.cl-mismatch')).toBeNull();
    expect(events.find((e) => e.code === BLACK_CODE)?.nameMatches).toBe(true);
  });
});

describe('feedback from the expanded badge', () => {
  it('returns no feedback form or objection button without an identity', async () => {
    const root = await expand(await mount({ code: BLACK_CODE }));
    await settle(60);
    expect(root.querySelector('.cl-feedback')).toBeNull();
    expect(root.querySelector('.cl-report')).toBeNull();
  });

  it('returns the queued feedback in localStorage while the platform is down, then sends it once', async () => {
    lens.configure({ token: 'dept-token', operator: '张三', department: '区发改局', caseReference: 'SP-2026-001' });
    const el = await mount({ code: BLACK_CODE });
    const root = await expand(el);
    await settle(60);
    expect(root.querySelector('.cl-report')!.textContent).toBe('报告信息有误');
    expect(root.querySelector('.cl-identity')!.textContent).toBe('反馈人：张三（区发改局）');
    const radio = root.querySelector('fieldset[data-measure-id="m-proc"] input[value="applied"]') as HTMLInputElement;
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(10);
    down = true;
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle(60);
    const key = queueStorageKey(lens.config.platform!);
    const stored = JSON.parse(localStorage.getItem(key)!) as { request: { measureId: string; operator: string; context: string; caseReference: string } }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.request).toMatchObject({ measureId: 'm-proc', operator: '张三', context: 'procurement', caseReference: 'SP-2026-001' });
    expect(root.querySelector('.cl-queued-item')!.getAttribute('data-status')).toMatch(/pending|sending/);
    down = false;
    // The attempt in flight (the client retries it itself) is not doubled by the flush.
    await lens.flushFeedback();
    await settle(1500);
    expect(posted.filter((p) => p.path === '/api/v1/feedback')).toHaveLength(1);
    expect(localStorage.getItem(key)).toBeNull();
    expect(root.querySelector('.cl-queued-item')).toBeNull();
  });
});

describe('CreditLens.record', () => {
  it('returns a request with the page names found beside the codes', async () => {
    document.body.innerHTML = `<table><thead><tr><th>投标人名称</th><th>代码</th></tr></thead><tbody><tr><td>武汉某某有限公司</td><td>${BLACK_CODE}</td></tr></tbody></table>`;
    await expect(lens.record({ codes: [BLACK_CODE], caseReference: 'CG-1' })).rejects.toMatchObject({ status: 400 });
    expect(posted[0]!.body).toMatchObject({
      codes: [BLACK_CODE],
      context: 'procurement',
      caseReference: 'CG-1',
      pageNames: { [BLACK_CODE]: '武汉某某有限公司' },
    });
  });

  it('returns JSON and CSV blobs', async () => {
    const signed = { record: { items: [] }, signature: { value: 'x' } } as never;
    expect(lens.exportRecord(signed, 'json').type).toBe('application/json');
    await expect(lens.exportRecord(signed, 'json').text()).resolves.toContain('"signature"');
  });
});
