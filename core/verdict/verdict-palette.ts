/**
 * One palette and one symbol per verdict look, used by every surface: the page's highlights and
 * overlay badges (core/scan), the badge and card (core/present), the popup's chips, the printed
 * record and the widget. Red is the honour list in China, so it is never the alarm colour: black
 * is dark and filled. Each look also differs by symbol and by the line drawn on the page, so no
 * verdict is told by colour alone; the symbols are in GB 2312, which every Simplified-Chinese font
 * has (emoji such as ⛔ render as empty boxes on many desktops). A unit test checks WCAG AA
 * contrast of every text colour on its ground. Pure data: no browser globals.
 */
import type { VerdictKind } from './verdict-types.ts';

/** A verdict kind, or `public`: a clear answer from the public lists only (no department token), which must not look clear. */
export type VerdictLook = VerdictKind | 'public';

export type LineStyle = 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';

export interface VerdictSwatch {
  /** Shown before the words on every surface. */
  symbol: string;
  /** Text and outline on a white ground (outlined badges, popup chips, the record). */
  ink: string;
  /** The badge's ground: white, except black and red, which are filled. */
  ground: string;
  /** Text on `ground`. */
  onGround: string;
  /** The badge's and chip's outline. */
  border: LineStyle;
  /** A code in page text: a tint, the text's colour on it, and a line that tells the look without colour. */
  mark: { tint: string; text: string; line: 'underline' | 'overline' | 'line-through' | 'none'; style: LineStyle; colour: string; width: '1px' | '2px' };
}

const WHITE = '#ffffff';
const TEXT = '#1b1b1b';

/** The looks, in the one order verdicts are listed (core/verdict VERDICT_STRENGTH), then public-only clear (after clear, so its rules win where a badge carries both classes). */
export const VERDICT_PALETTE: Readonly<Record<VerdictLook, VerdictSwatch>> = {
  black: {
    symbol: '×',
    ink: TEXT,
    ground: TEXT,
    onGround: WHITE,
    border: 'solid',
    mark: { tint: 'rgba(20, 20, 20, 0.85)', text: WHITE, line: 'underline', style: 'double', colour: WHITE, width: '2px' },
  },
  disputed: {
    symbol: '△',
    ink: '#8a5a00',
    ground: WHITE,
    onGround: '#8a5a00',
    border: 'double',
    mark: { tint: 'rgba(255, 196, 0, 0.35)', text: TEXT, line: 'underline', style: 'dashed', colour: '#8a5a00', width: '2px' },
  },
  unknown: {
    symbol: '?',
    ink: '#5f6368',
    ground: WHITE,
    onGround: '#5f6368',
    border: 'dashed',
    mark: { tint: 'rgba(95, 99, 104, 0.22)', text: TEXT, line: 'underline', style: 'wavy', colour: '#44474a', width: '1px' },
  },
  watch: {
    symbol: '◎',
    ink: '#6a3fa0',
    ground: WHITE,
    onGround: '#6a3fa0',
    border: 'solid',
    mark: { tint: 'rgba(106, 63, 160, 0.16)', text: TEXT, line: 'underline', style: 'dotted', colour: '#6a3fa0', width: '2px' },
  },
  red: {
    symbol: '★',
    ink: '#b3261e',
    ground: '#b3261e',
    onGround: WHITE,
    border: 'solid',
    mark: { tint: 'rgba(179, 38, 30, 0.14)', text: TEXT, line: 'underline', style: 'solid', colour: '#b3261e', width: '2px' },
  },
  invalid: {
    symbol: '!',
    ink: '#8e1a7e',
    ground: WHITE,
    onGround: '#8e1a7e',
    border: 'dotted',
    mark: { tint: 'rgba(142, 26, 126, 0.12)', text: TEXT, line: 'line-through', style: 'wavy', colour: '#8e1a7e', width: '1px' },
  },
  pending: {
    symbol: '…',
    ink: '#2a5caa',
    ground: WHITE,
    onGround: '#2a5caa',
    border: 'dotted',
    mark: { tint: 'rgba(42, 92, 170, 0.10)', text: TEXT, line: 'overline', style: 'dotted', colour: '#2a5caa', width: '1px' },
  },
  clear: {
    symbol: '√',
    ink: '#1e6b34',
    ground: WHITE,
    onGround: '#1e6b34',
    border: 'solid',
    mark: { tint: 'rgba(0, 140, 70, 0.14)', text: TEXT, line: 'none', style: 'solid', colour: '#1e6b34', width: '1px' },
  },
  public: {
    symbol: '○',
    ink: '#675b4e',
    ground: WHITE,
    onGround: '#675b4e',
    border: 'dashed',
    mark: { tint: 'rgba(103, 91, 78, 0.14)', text: TEXT, line: 'overline', style: 'dashed', colour: '#675b4e', width: '1px' },
  },
};

/** The flag laid over a suspect code's look (only its check character is wrong): the invalid look's symbol and colour, drawn above the code. */
export const SUSPECT_SWATCH = {
  symbol: VERDICT_PALETTE.invalid.symbol,
  ink: VERDICT_PALETTE.invalid.ink,
  tint: '#f7e9f5',
  mark: { line: 'overline', style: 'wavy', colour: VERDICT_PALETTE.invalid.ink, width: '1px' },
} as const;

/** The swatch of a look. */
export function verdictSwatch(look: VerdictLook): VerdictSwatch {
  return VERDICT_PALETTE[look];
}

/** A swatch's page mark as a CSS `text-decoration` value, or `none`. */
export function markDecoration(mark: VerdictSwatch['mark'] | (typeof SUSPECT_SWATCH)['mark']): string {
  return mark.line === 'none' ? 'none' : `${mark.line} ${mark.style} ${mark.colour} ${mark.width}`;
}
