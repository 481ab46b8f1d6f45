import { verdictWords, type VerdictLocale } from '../verdict/verdict-words.ts';
import type { PlatformLine } from './platform-line-schema.ts';

const FAILED: Record<VerdictLocale, { unreachable: string; permission: string; separator: string; colon: string; none: string }> = {
  'zh-CN': { unreachable: '无法连接', permission: '无权查询', separator: '；', colon: '：', none: '没有平台覆盖该代码的登记地区' },
  en: {
    unreachable: 'unreachable',
    permission: 'not permitted',
    separator: '; ',
    colon: ': ',
    none: 'no configured platform covers this code’s registration region',
  },
};

/** What one platform answered, in a word or two: its verdict's short label, or why it failed. */
export function platformLineWord(line: PlatformLine, locale: VerdictLocale = 'zh-CN'): string {
  if (line.kind !== 'unknown') return verdictWords(line.kind, locale).short;
  return line.errorKind === 'permission' ? FAILED[locale].permission : FAILED[locale].unreachable;
}

/** The card's per-platform line: "区平台：未列入；省平台：无法连接" (or, when none covers the code, says so). */
export function platformLinesText(lines: readonly PlatformLine[], locale: VerdictLocale = 'zh-CN'): string {
  const w = FAILED[locale];
  if (lines.length === 0) return w.none;
  return lines.map((line) => `${line.name}${w.colon}${platformLineWord(line, locale)}`).join(w.separator);
}
