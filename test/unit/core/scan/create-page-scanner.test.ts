/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../../core/scan/create-overlay.ts';
import { createPageScanner, type AskedCode, type ScanVerdict } from '../../../../core/scan/create-page-scanner.ts';
import { withUsccCheck, withWrongCheck } from '../uscc/reference-uscc.ts';

const A = withUsccCheck('91420105MA4KMF000');
const B = withUsccCheck('A1110000MA0012123');
const SUSPECT = withWrongCheck(A);

/** A minimal CSS Custom Highlight API, so the highlight path runs in happy-dom. */
class FakeHighlight extends Set<AbstractRange> {}
function installHighlights(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry, supports: () => false, escape: (s: string) => s });
  return registry;
}
function uninstallHighlights(): void {
  vi.unstubAllGlobals();
}
/** happy-dom lays nothing out: give every code and field a box in the viewport. */
function layOut(): void {
  const box = { left: 10, top: 10, right: 200, bottom: 30, width: 190, height: 20, x: 10, y: 10 } as DOMRect;
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(box);
}
/** The text a painted range covers, across text nodes when a code is split across elements. */
function textOf(r: AbstractRange): string {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}
const painted = (registry: Map<string, FakeHighlight>) =>
  Object.fromEntries([...registry].filter(([, h]) => h.size > 0).map(([name, h]) => [name, [...h].map(textOf)]));

describe('createPageScanner', () => {
  let controller: AbortController;
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    registry = installHighlights();
    document.body.innerHTML = '';
  });
  afterEach(() => {
    controller.abort();
    uninstallHighlights();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  const start = (extra: Partial<Parameters<typeof createPageScanner<ScanVerdict>>[0]> = {}) => {
    // `onCodes` records the codes; `asked` what the scanner handed on with them.
    const onCodes = vi.fn<(codes: string[]) => void>();
    const asked = vi.fn<(codes: AskedCode[]) => void>();
    const scanner = createPageScanner<ScanVerdict>({
      document,
      signal: controller.signal,
      onCodes: (codes) => {
        asked(codes);
        onCodes(codes.map((a) => a.code));
      },
      ...extra,
    });
    return { scanner, onCodes, asked };
  };

  it('paints codes in table cells as pending and asks once per code', () => {
    document.body.innerHTML = `<table><tr><td>甲公司</td><td>${A}</td></tr><tr><td>${A}</td><td>统一社会信用代码：${B}</td></tr></table>`;
    const { onCodes } = start();
    expect(onCodes).toHaveBeenCalledTimes(1);
    expect(onCodes.mock.calls[0]![0].sort()).toEqual([A, B].sort());
    expect(painted(registry)).toEqual({ 'creditlens-pending': [A, A, B] });
  });

  it('never changes the page DOM it scans', () => {
    const html = `<p>代码 <b>${A}</b> 与 ${B}。</p>`;
    document.body.innerHTML = html;
    start();
    expect(document.body.innerHTML).toBe(html);
  });

  it('moves a code to its verdict highlight when the verdict arrives', () => {
    document.body.innerHTML = `<p>${A}</p><p>${B}</p>`;
    const { scanner } = start();
    scanner.setVerdicts([
      [A, { kind: 'black' }],
      [B, { kind: 'clear' }],
    ]);
    expect(painted(registry)).toEqual({ 'creditlens-black': [A], 'creditlens-clear': [B] });
  });

  it('paints a clear from the public lists alone by its look: highlight, marker, field badge and finding say public, not clear', async () => {
    document.body.innerHTML = `<p>${A}</p><p>${B}</p><input id="f" type="text" value="${A}">`;
    layOut();
    const { scanner } = start();
    document.getElementById('f')!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    scanner.setVerdicts([
      [A, { kind: 'public' }],
      [B, { kind: 'clear' }],
    ]);
    expect(painted(registry)).toEqual({ 'creditlens-public': [A], 'creditlens-clear': [B] });
    expect(scanner.findings()).toEqual([
      { code: A, validity: 'valid', kind: 'clear', look: 'public', count: 2 },
      { code: B, validity: 'valid', kind: 'clear', look: 'clear', count: 1 },
    ]);
    await vi.advanceTimersByTimeAsync(20);
    const shadow = document.querySelector('creditlens-overlay')!.shadowRoot!;
    expect(shadow.querySelector(`.mark[data-code="${A}"]`)!.getAttribute('data-kind')).toBe('public');
    expect(shadow.querySelector(`.mark[data-code="${B}"]`)!.getAttribute('data-kind')).toBe('clear');
    const badge = shadow.querySelector('.badge')!;
    expect(badge.getAttribute('data-kind')).toBe('public');
    expect(badge.textContent).not.toContain('√');
  });

  it('paints the look the page may read, and keeps the real look for the overlay when they differ', () => {
    document.body.innerHTML = `<p>${A}</p>`;
    const { scanner } = start();
    scanner.setVerdicts([[A, { kind: 'black', pageKind: 'pending' }]]);
    expect(painted(registry)).toEqual({ 'creditlens-pending': [A] });
    scanner.setVerdicts([[A, { kind: 'public', pageKind: 'public' }]]);
    expect(painted(registry)).toEqual({ 'creditlens-public': [A] });
  });

  it('asks for a suspect code and paints its verdict under the suspect flag', async () => {
    document.body.innerHTML = `<p>${SUSPECT}</p>`;
    layOut();
    const { scanner, onCodes, asked } = start();
    expect(onCodes).toHaveBeenCalledWith([SUSPECT]);
    // Handed on with what the scanner found: the background need not guess.
    expect(asked).toHaveBeenCalledWith([{ code: SUSPECT, validity: 'suspect' }]);
    expect(painted(registry)).toEqual({ 'creditlens-pending': [SUSPECT], 'creditlens-suspect': [SUSPECT] });
    scanner.setVerdicts([[SUSPECT, { kind: 'clear' }]]);
    expect(painted(registry)).toEqual({ 'creditlens-clear': [SUSPECT], 'creditlens-suspect': [SUSPECT] });
    expect(scanner.findings()).toEqual([{ code: SUSPECT, validity: 'suspect', kind: 'clear', look: 'clear', count: 1 }]);
    expect(scanner.codes()).toEqual([SUSPECT]);
    await vi.advanceTimersByTimeAsync(20);
    const mark = document.querySelector('creditlens-overlay')!.shadowRoot!.querySelector('.mark')!;
    expect(mark.hasAttribute('data-suspect')).toBe(true);
    expect(mark.getAttribute('aria-label')).toBe(`${SUSPECT} 平台查询：未列入红黑名单（校验位不符）`);
    (mark as HTMLElement).focus();
    const card = document.querySelector('creditlens-overlay')!.shadowRoot!.querySelector('.card')!;
    expect(card.querySelector('.suspect-flag')?.textContent).toBe('! 校验位不符');
    expect(card.textContent).toContain(`${SUSPECT} 平台查询：未列入红黑名单`);
  });

  it('draws in the overlay it is given (the extension’s closed one) instead of making its own', async () => {
    document.body.innerHTML = `<p>${A}</p>`;
    layOut();
    const overlay = createOverlay(document, controller.signal, { mode: 'closed' });
    start({ overlay });
    await vi.advanceTimersByTimeAsync(20);
    expect(document.querySelectorAll('creditlens-overlay')).toHaveLength(1);
    expect(overlay.host.shadowRoot).toBeNull();
    expect(overlay.shadow.querySelector(`.mark[data-code="${A}"]`)).not.toBeNull();
  });

  it('keeps an invalid code local: painted invalid, never asked for', () => {
    const invalid = withUsccCheck('91999999MA4KMF000'); // no such region: a typo, not a code
    document.body.innerHTML = `<p>${invalid}</p>`;
    const { onCodes } = start();
    expect(onCodes).not.toHaveBeenCalled();
    expect(painted(registry)).toEqual({ 'creditlens-invalid': [invalid] });
  });

  it.each([
    ['script', `<script>var c = "${A}";</script>`],
    ['style', `<style>/* ${A} */</style>`],
    ['noscript', `<noscript>${A}</noscript>`],
    ['template', `<template><p>${A}</p></template>`],
    ['a password field', `<input type="password" value="${A}">`],
    ['a hidden field', `<input type="hidden" value="${A}">`],
  ])('skips codes in %s', (_, html) => {
    document.body.innerHTML = html;
    const { onCodes } = start();
    expect(onCodes).not.toHaveBeenCalled();
  });

  it('finds codes in open shadow roots', () => {
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = `<span>${A}</span>`;
    const { onCodes } = start();
    expect(onCodes).toHaveBeenCalledWith([A]);
  });

  it('finds rows added later in one batch, and ignores its own overlay', async () => {
    document.body.innerHTML = '<table><tbody></tbody></table>';
    const { onCodes } = start({ batchMs: 50 });
    const tbody = document.querySelector('tbody')!;
    for (const code of [A, B]) tbody.insertAdjacentHTML('beforeend', `<tr><td>${code}</td></tr>`);
    await vi.advanceTimersByTimeAsync(60);
    expect(onCodes).toHaveBeenCalledTimes(1);
    expect(onCodes.mock.calls[0]![0].sort()).toEqual([A, B].sort());
    const overlay = document.querySelector('creditlens-overlay')!;
    overlay.shadowRoot!.append(document.createTextNode(`ours ${withUsccCheck('91110000MA0012345')}`));
    await vi.advanceTimersByTimeAsync(60);
    expect(onCodes).toHaveBeenCalledTimes(1);
  });

  it('re-matches text whose characters change', async () => {
    document.body.innerHTML = `<p>待填写</p>`;
    const { onCodes } = start();
    document.querySelector('p')!.firstChild!.textContent = `代码：${B}`;
    await vi.advanceTimersByTimeAsync(60);
    expect(onCodes).toHaveBeenCalledWith([B]);
    expect(painted(registry)).toEqual({ 'creditlens-pending': [B] });
  });

  it('drops highlights of removed nodes', async () => {
    document.body.innerHTML = `<p id="gone">${A}</p><p>${B}</p>`;
    const { scanner } = start();
    document.getElementById('gone')!.remove();
    await vi.advanceTimersByTimeAsync(60);
    expect(scanner.codes()).toEqual([B]);
    expect(painted(registry)).toEqual({ 'creditlens-pending': [B] });
  });

  describe('with a code split across inline elements', () => {
    const split = (code: string) => `<b>${code.slice(0, 8)}</b>${code.slice(8)}`;

    it('paints the whole code as one range, asks for it once and leaves the text nodes alone', () => {
      document.body.innerHTML = `<table><tr><td>${split(A)}</td><td>代码：${A.slice(0, 4)}<em>${A.slice(4, 8)}</em>${A.slice(8)}</td></tr></table>`;
      const html = document.body.innerHTML;
      const nodes = [...document.querySelectorAll('td')].map((td) => [...td.childNodes]);
      const { scanner, onCodes } = start();
      expect(onCodes).toHaveBeenCalledWith([A]);
      expect(painted(registry)).toEqual({ 'creditlens-pending': [A, A] });
      expect(scanner.findings()).toEqual([{ code: A, validity: 'valid', kind: 'pending', look: 'pending', count: 2 }]);
      expect(document.body.innerHTML).toBe(html);
      expect([...document.querySelectorAll('td')].map((td) => [...td.childNodes])).toEqual(nodes);
    });

    it('puts one marker over the whole code', async () => {
      document.body.innerHTML = `<p>${split(A)}</p>`;
      layOut();
      const rects = vi.mocked(Range.prototype.getBoundingClientRect);
      start();
      await vi.advanceTimersByTimeAsync(20);
      const marks = document.querySelector('creditlens-overlay')!.shadowRoot!.querySelectorAll(`.mark[data-code="${A}"]`);
      expect(marks).toHaveLength(1);
      const measured = rects.mock.contexts.map((range) => (range as Range).toString());
      expect(measured).toContain(A);
    });

    it('returns nothing for a code parted by a line break or a block boundary', () => {
      document.body.innerHTML = `<p>${A.slice(0, 8)}<br>${A.slice(8)}</p><div>${A.slice(0, 8)}</div><div>${A.slice(8)}</div>`;
      const { onCodes } = start();
      expect(onCodes).not.toHaveBeenCalled();
    });

    it('paints the new code when the text of one of its nodes changes', async () => {
      const C = withUsccCheck('91420105MA4KMF001');
      document.body.innerHTML = `<p>${split(A)}</p>`;
      const { scanner, onCodes } = start();
      (document.querySelector('p')!.lastChild as Text).data = C.slice(8);
      await vi.advanceTimersByTimeAsync(60);
      expect(onCodes).toHaveBeenLastCalledWith([C]);
      expect(painted(registry)).toEqual({ 'creditlens-pending': [C] });
      expect(scanner.codes()).toEqual([C]);
    });

    it('finds a code whose second part arrives later', async () => {
      document.body.innerHTML = `<p><b>${A.slice(0, 8)}</b></p>`;
      const { onCodes } = start();
      document.querySelector('p')!.append(A.slice(8, 12), Object.assign(document.createElement('i'), { textContent: A.slice(12) }));
      await vi.advanceTimersByTimeAsync(60);
      expect(onCodes).toHaveBeenCalledWith([A]);
      expect(painted(registry)).toEqual({ 'creditlens-pending': [A] });
    });

    it('keeps the whole code when the page wraps part of it later (a search hit)', async () => {
      document.body.innerHTML = `<p>代码：${A}</p>`;
      const { scanner } = start();
      const text = document.querySelector('p')!.firstChild as Text;
      const hit = text.splitText(7);
      hit.splitText(4);
      const em = document.createElement('em');
      hit.replaceWith(em);
      em.append(hit);
      await vi.advanceTimersByTimeAsync(60);
      expect(painted(registry)).toEqual({ 'creditlens-pending': [A] });
      expect(scanner.findings()).toEqual([{ code: A, validity: 'valid', kind: 'pending', look: 'pending', count: 1 }]);
    });

    it('drops the code when a line break comes between its parts, and finds it again when the break goes', async () => {
      document.body.innerHTML = `<p>${split(A)}</p>`;
      const { scanner } = start();
      const br = document.createElement('br');
      document.querySelector('b')!.after(br);
      await vi.advanceTimersByTimeAsync(60);
      expect(scanner.codes()).toEqual([]);
      expect(painted(registry)).toEqual({});
      br.remove();
      await vi.advanceTimersByTimeAsync(60);
      expect(painted(registry)).toEqual({ 'creditlens-pending': [A] });
    });

    it('drops the code when a letter is added right before it, and finds it when the letter is removed', async () => {
      document.body.innerHTML = `<p>${split(A)}</p>`;
      const { scanner } = start();
      const letter = document.createElement('i');
      letter.textContent = 'X';
      document.querySelector('p')!.prepend(letter);
      await vi.advanceTimersByTimeAsync(60);
      expect(scanner.codes()).toEqual([]);
      letter.remove();
      await vi.advanceTimersByTimeAsync(60);
      expect(scanner.codes()).toEqual([A]);
    });

    it('finds a split code in an open shadow root, also once a line break there goes', async () => {
      const host = document.createElement('div');
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<span>${split(B)}</span><p>${A.slice(0, 8)}<br>${A.slice(8)}</p>`;
      const { scanner } = start();
      expect(scanner.codes()).toEqual([B]);
      shadow.querySelector('br')!.remove();
      await vi.advanceTimersByTimeAsync(60);
      expect(scanner.codes().sort()).toEqual([A, B].sort());
      expect(painted(registry)['creditlens-pending']!.sort()).toEqual([A, B].sort());
    });

    it('drops the code when the element holding a part is removed, and keeps the rest of the text matched', async () => {
      document.body.innerHTML = `<p>${split(A)}</p><p>${B}</p>`;
      const { scanner } = start();
      document.querySelector('b')!.remove();
      await vi.advanceTimersByTimeAsync(60);
      expect(scanner.codes()).toEqual([B]);
      expect(painted(registry)).toEqual({ 'creditlens-pending': [B] });
    });
  });

  it('checks a code typed into a field, flagging a wrong check character at once on the badge', async () => {
    document.body.innerHTML = '<input id="f" type="text">';
    layOut();
    const { scanner, onCodes } = start();
    const field = document.getElementById('f') as HTMLInputElement;
    field.value = SUSPECT;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(onCodes).toHaveBeenLastCalledWith([SUSPECT]);
    expect(scanner.findings()).toEqual([{ code: SUSPECT, validity: 'suspect', kind: 'pending', look: 'pending', count: 1 }]);
    scanner.setVerdicts([[SUSPECT, { kind: 'clear' }]]);
    await vi.advanceTimersByTimeAsync(20);
    const badge = document.querySelector('creditlens-overlay')!.shadowRoot!.querySelector('.badge')!;
    expect(badge.textContent).toBe('√ 未列入 · 校验位不符');
    field.value = A;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(onCodes).toHaveBeenCalledWith([A]);
    expect(field.value).toBe(A);
    scanner.setVerdicts([[A, { kind: 'red' }]]);
    expect(scanner.findings()).toEqual([{ code: A, validity: 'valid', kind: 'red', look: 'red', count: 1 }]);
  });

  it.each([
    ['a company name', '武汉市汉阳区德信园林绿化股份有限公司'],
    ['a company name with a latin part', '武汉ABC科技发展有限责任公司第一分公司'],
    ['an address', '湖北省武汉市汉阳区龙阳大道特8号德信大厦'],
  ])('does not take %s in a field for a mistyped code', (_, value) => {
    document.body.innerHTML = `<input id="name" type="text" value="${value}">`;
    const { scanner, onCodes } = start();
    const field = document.getElementById('name') as HTMLInputElement;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(onCodes).not.toHaveBeenCalled();
    expect(scanner.findings()).toEqual([]);
  });

  it('flags an entry written like a code that fails every check', () => {
    const typo = 'Z9' + A.slice(2);
    document.body.innerHTML = `<input id="f" type="text" value="${typo}">`;
    const { scanner } = start();
    expect(scanner.findings()).toEqual([{ code: typo, validity: 'invalid', kind: 'invalid', look: 'invalid', count: 1 }]);
  });

  it('reports findings with counts per code', async () => {
    const onFindings = vi.fn();
    document.body.innerHTML = `<p>${A}</p><p>${A}</p>`;
    start({ onFindings });
    await vi.advanceTimersByTimeAsync(250);
    expect(onFindings).toHaveBeenLastCalledWith([{ code: A, validity: 'valid', kind: 'pending', look: 'pending', count: 2 }]);
  });

  it('removes its highlights, styles and overlay when aborted', () => {
    document.body.innerHTML = `<p>${A}</p>`;
    start();
    expect(document.querySelector('creditlens-overlay')).not.toBeNull();
    controller.abort();
    expect(document.querySelector('creditlens-overlay')).toBeNull();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it('shares the highlights of the document with a second scanner, each keeping and removing only its own ranges', () => {
    document.body.innerHTML = `<div id="a"><p>${A}</p></div><div id="b"><p>${B}</p></div>`;
    const other = new AbortController();
    const { scanner: first } = start({ root: document.getElementById('a')! });
    const second = createPageScanner<ScanVerdict>({ document, root: document.getElementById('b')!, signal: other.signal, onCodes: () => undefined });
    expect(painted(registry)).toEqual({ 'creditlens-pending': [A, B] });
    first.setVerdicts([[A, { kind: 'black' }]]);
    second.setVerdicts([[B, { kind: 'black' }]]);
    expect(painted(registry)).toEqual({ 'creditlens-black': [A, B] });
    other.abort();
    expect(painted(registry)).toEqual({ 'creditlens-black': [A] });
    const later = new AbortController();
    const third = createPageScanner<ScanVerdict>({ document, root: document.getElementById('b')!, signal: later.signal, onCodes: () => undefined });
    third.setVerdicts([[B, { kind: 'red' }]]);
    expect(painted(registry)).toEqual({ 'creditlens-black': [A], 'creditlens-red': [B] });
    controller.abort();
    expect(painted(registry)).toEqual({ 'creditlens-red': [B] });
    later.abort();
    expect(registry.size).toBe(0);
  });

  it('paints into a highlight registered before it started (another world, the page itself)', () => {
    const existing = new FakeHighlight();
    registry.set('creditlens-pending', existing);
    document.body.innerHTML = `<p>${A}</p>`;
    start();
    expect(registry.get('creditlens-pending')).toBe(existing);
    expect(existing.size).toBe(1);
  });

  // Chromium always has the API, and a page's init script cannot remove it from a content script's
  // isolated world, so the fallback is tested here only.
  it('falls back to overlay outlines without the Highlight API, following verdicts', async () => {
    uninstallHighlights();
    document.body.innerHTML = `<p>${A}</p><p>${SUSPECT}</p>`;
    layOut();
    const { scanner, onCodes } = start();
    expect(scanner.highlightSupported).toBe(false);
    expect(onCodes).toHaveBeenCalledWith([A, SUSPECT]);
    const marks = () =>
      [...document.querySelector('creditlens-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.mark')]
        .filter((m) => !m.hidden)
        .map((m) => [m.className, m.dataset.code, m.dataset.kind, m.hasAttribute('data-suspect')]);
    await vi.advanceTimersByTimeAsync(20);
    expect(marks()).toEqual([
      ['mark fallback', A, 'pending', false],
      ['mark fallback', SUSPECT, 'pending', true],
    ]);
    scanner.setVerdicts([
      [A, { kind: 'black' }],
      [SUSPECT, { kind: 'clear' }],
    ]);
    await vi.advanceTimersByTimeAsync(20);
    expect(marks()).toEqual([
      ['mark fallback', A, 'black', false],
      ['mark fallback', SUSPECT, 'clear', true],
    ]);
  });
});
