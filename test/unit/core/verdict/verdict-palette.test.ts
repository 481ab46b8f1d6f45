import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markDecoration, SUSPECT_SWATCH, VERDICT_PALETTE, type VerdictLook } from '../../../../core/verdict/verdict-palette.ts';
import { verdictLabel } from '../../../../core/verdict/verdict-labels.ts';
import { VERDICT_STRENGTH } from '../../../../core/verdict/verdict-strength.ts';

type Rgba = [number, number, number, number];

function parse(colour: string): Rgba {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgba = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(colour);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), Number(rgba[4])];
  throw new Error(`not a colour: ${colour}`);
}

/** `top` laid over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgba): number {
  const [R, G, B] = [r, g, b].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
}

function contrast(a: string | Rgba, b: string | Rgba): number {
  const [la, lb] = [a, b].map((c) => luminance(typeof c === 'string' ? parse(c) : c));
  return (Math.max(la!, lb!) + 0.05) / (Math.min(la!, lb!) + 0.05);
}

const WHITE = parse('#ffffff');
const LOOKS = Object.keys(VERDICT_PALETTE) as VerdictLook[];

/** Every character of GB 2312's symbol rows (1–9): what every Simplified-Chinese font draws. */
function gb2312Symbols(): Set<string> {
  const decoder = new TextDecoder('gb18030');
  const chars = new Set<string>();
  for (let row = 0xa1; row <= 0xa9; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) chars.add(decoder.decode(new Uint8Array([row, cell])));
  return chars;
}

describe('VERDICT_PALETTE', () => {
  it('has a look for every verdict kind, plus public-only clear', () => {
    expect([...LOOKS].sort()).toEqual([...VERDICT_STRENGTH, 'public'].sort());
  });

  it.each(LOOKS)('gives %s text at least WCAG AA contrast (4.5:1) on every ground it is drawn on', (look) => {
    const s = VERDICT_PALETTE[look];
    expect(contrast(s.ink, WHITE), 'ink on white (outlined badge, chip, record)').toBeGreaterThanOrEqual(4.5);
    expect(contrast(s.onGround, s.ground), 'text on the badge ground').toBeGreaterThanOrEqual(4.5);
    const tinted = over(parse(s.mark.tint), WHITE);
    expect(contrast(s.mark.text, tinted), 'page text on its highlight').toBeGreaterThanOrEqual(4.5);
    if (s.mark.line !== 'none') expect(contrast(s.mark.colour, tinted), 'the highlight line (non-text, 3:1)').toBeGreaterThanOrEqual(3);
  });

  it('gives the suspect flag AA contrast', () => {
    expect(contrast(SUSPECT_SWATCH.ink, SUSPECT_SWATCH.tint)).toBeGreaterThanOrEqual(4.5);
  });

  it('tells every look apart without colour: one symbol each, one line pattern on the page each', () => {
    const symbols = LOOKS.map((l) => VERDICT_PALETTE[l].symbol);
    expect(new Set(symbols).size).toBe(LOOKS.length);
    const patterns = [...LOOKS.map((l) => VERDICT_PALETTE[l].mark), SUSPECT_SWATCH.mark].map((m) => (m.line === 'none' ? 'none' : `${m.line} ${m.style}`));
    expect(new Set(patterns).size).toBe(patterns.length);
  });

  it('does not draw public-only clear in the clear colour, nor monitoring like disputed, nor red like black', () => {
    const p = VERDICT_PALETTE;
    expect(p.public.ink).not.toBe(p.clear.ink);
    expect(p.public.mark.tint).not.toBe(p.clear.mark.tint);
    expect(p.watch.ink).not.toBe(p.disputed.ink);
    expect(p.red.ground).not.toBe(p.black.ground);
    expect(p.black.ink).not.toMatch(/^#[a-f9][0-9a-f]0000/i);
  });

  it('uses symbols every Simplified-Chinese font has (GB 2312, or plain ASCII) — no emoji such as ⛔', () => {
    const gb = gb2312Symbols();
    expect(gb.has('⛔')).toBe(false);
    for (const look of LOOKS) {
      const symbol = VERDICT_PALETTE[look].symbol;
      expect(gb.has(symbol) || /^[!-~]$/.test(symbol), `${look}: ${symbol}`).toBe(true);
    }
  });

  it('is what verdictLabel shows, for every look and locale', () => {
    for (const look of LOOKS)
      for (const locale of ['zh-CN', 'en'] as const) {
        const label = verdictLabel(look, locale);
        expect(label.symbol).toBe(VERDICT_PALETTE[look].symbol);
        expect(label.action.length).toBeGreaterThan(5);
      }
  });

  it('writes a page mark as a text-decoration value', () => {
    expect(markDecoration(VERDICT_PALETTE.black.mark)).toBe('underline double #ffffff 2px');
    expect(markDecoration(VERDICT_PALETTE.clear.mark)).toBe('none');
  });

  it('is the only source of the popup chips’ colours', () => {
    const css = readFileSync(new URL('../../../../extension/entrypoints/popup/popup.css', import.meta.url), 'utf8');
    const chips = css.slice(css.indexOf('.chip {'), css.indexOf('textarea {'));
    expect(chips).not.toMatch(/#[0-9a-f]{3,6}\b/i);
    for (const look of LOOKS) expect(chips).toContain(`var(--cl-${look}`);
  });
});
