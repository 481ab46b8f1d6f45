/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findAdjacentName } from '../../../../core/scan/find-adjacent-name.ts';
import { createPageNames } from '../../../../extension/names/create-page-names.ts';
import type { CodePlace } from '../../../../core/scan/locate-codes.ts';
import { locateCodes } from '../../../../core/scan/locate-codes.ts';
import type { sendChecked } from '../../../../extension/messaging/send-checked.ts';
import type { CodeView } from '../../../../extension/messaging/protocol.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';

vi.mock('../../../../core/scan/find-adjacent-name.ts', async (original) => {
  const actual = await original<typeof import('../../../../core/scan/find-adjacent-name.ts')>();
  return { ...actual, findAdjacentName: vi.fn(actual.findAdjacentName) };
});

const A = withUsccCheck('91420105MA4KMF000');
const B = withUsccCheck('91420105MA4KMF001');
const C = withUsccCheck('91420105MA4KMF002');

const view = (code: string, name: string | null) => ({ code, result: name === null ? null : { subject: { name } } }) as unknown as CodeView;

function setup(html: string) {
  document.title = '投标人一览';
  document.body.innerHTML = html;
  const controller = new AbortController();
  const send = vi.fn(async () => ({ ok: true, value: null })) as unknown as typeof sendChecked & ReturnType<typeof vi.fn>;
  const flagged: string[][] = [];
  const names = createPageNames({
    document,
    signal: controller.signal,
    context: 'procurement',
    send,
    delayMs: 5,
    flags: { set: (m: Map<string, CodePlace[]>) => void flagged.push([...m.keys()]) },
  });
  return { names, send, flagged, stop: () => controller.abort() };
}

const TABLE = `<table><thead><tr><th>投标人名称</th><th>统一社会信用代码</th></tr></thead><tbody>
  <tr><td>武汉甲建设工程有限公司</td><td>${A}</td></tr>
  <tr><td>武汉乙商贸有限公司</td><td>${B}</td></tr>
  <tr><td>（名称待补录）</td><td>${C}</td></tr></tbody></table>`;

describe('createPageNames', () => {
  let stop = () => undefined as void;
  afterEach(() => stop());

  it('reports each code with the name the page shows beside it', async () => {
    const env = setup(TABLE);
    stop = env.stop;
    env.names.setCodes([A, B, C]);
    await vi.waitFor(() => expect(env.send).toHaveBeenCalledTimes(1));
    expect(env.send).toHaveBeenCalledWith('reportPageNames', {
      url: document.location.href,
      title: '投标人一览',
      context: 'procurement',
      codes: [
        { code: A, pageName: '武汉甲建设工程有限公司' },
        { code: B, pageName: '武汉乙商贸有限公司' },
        { code: C, pageName: '（名称待补录）' },
      ],
    });
    expect(env.names.pageName(A)).toBe('武汉甲建设工程有限公司');
  });

  it('flags exactly the codes whose registered name differs, once the answers arrive', async () => {
    const env = setup(TABLE);
    stop = env.stop;
    env.names.setCodes([A, B]);
    await vi.waitFor(() => expect(env.send).toHaveBeenCalled());
    env.names.setViews([view(A, '武汉丙保安服务有限公司'), view(B, '武汉乙商贸　有限公司')]);
    expect(env.flagged.at(-1)).toEqual([A]);
    expect(env.names.mismatch(A)).toBe(true);
    expect(env.names.mismatch(B)).toBe(false);
  });

  it('does not report the same thing twice, and looks again when the page changes', async () => {
    const env = setup(TABLE);
    stop = env.stop;
    env.names.setCodes([A]);
    await vi.waitFor(() => expect(env.send).toHaveBeenCalledTimes(1));
    env.names.setCodes([A]);
    await new Promise((r) => setTimeout(r, 30));
    expect(env.send).toHaveBeenCalledTimes(1);
    // Nothing around the code changed: the name is not looked for again.
    const calls = vi.mocked(findAdjacentName).mock.calls.length;
    env.names.setCodes([A]);
    await new Promise((r) => setTimeout(r, 30));
    expect(vi.mocked(findAdjacentName).mock.calls.length).toBe(calls);
    document.querySelector('tbody td')!.textContent = '武汉丁物流有限公司';
    env.names.setCodes([A]);
    await vi.waitFor(() => expect(env.send).toHaveBeenCalledTimes(2));
    expect(env.names.pageName(A)).toBe('武汉丁物流有限公司');
  });
  it('looks again when a field beside the code takes another name', async () => {
    const env = setup(`<form><label>单位名称 <input id="name" value="武汉甲建设工程有限公司"></label><p>统一社会信用代码：${A}</p></form>`);
    stop = env.stop;
    env.names.setCodes([A]);
    await vi.waitFor(() => expect(env.names.pageName(A)).toBe('武汉甲建设工程有限公司'));
    (document.querySelector('#name') as HTMLInputElement).value = '武汉丁物流有限公司';
    env.names.setCodes([A]);
    await vi.waitFor(() => expect(env.names.pageName(A)).toBe('武汉丁物流有限公司'));
  });
});

describe('locateCodes', () => {
  it('finds every occurrence in text and in form fields, skipping scripts', () => {
    document.body.innerHTML = `<p>${A} 与 ${A}</p><script>var x = "${B}";</script><input value="${B}"><textarea>${C}</textarea>`;
    const places = locateCodes(document, new Set([A, B, C]));
    expect(places.get(A)).toHaveLength(2);
    expect(places.get(B)!.map((p) => ('tagName' in p ? p.tagName : 'range'))).toEqual(['INPUT']);
    expect(places.get(C)!.map((p) => ('tagName' in p ? p.tagName : 'range'))).toEqual(['TEXTAREA']);
  });
});
