import { verdictLabel } from '../verdict/verdict-labels.ts';
import type { VerdictLook } from '../verdict/verdict-palette.ts';
import { badgeText } from './badge-text.ts';
import type { PresentLocale } from './present-locale.ts';

/**
 * A look's symbol and short name as every summary and legend writes it: a clear answer from the
 * public lists alone carries its qualifier (未列入·仅公开信息), so it never reads as the full clear.
 */
export function lookName(look: VerdictLook, locale: PresentLocale): { symbol: string; name: string } {
  const label = verdictLabel(look, locale);
  const qualifier = look === 'public' ? `${locale === 'en' ? ' · ' : '·'}${badgeText(locale).publicOnlyQualifier}` : '';
  return { symbol: label.symbol, name: `${label.short}${qualifier}` };
}
