import type { VerdictLocale } from '../verdict/verdict-labels.ts';

/** The locales the presentation components speak: zh-CN first, en second. */
export type PresentLocale = VerdictLocale;

/**
 * Maps a BCP 47 tag (an element's or page's `lang`) to a supported locale: any `en*` is English,
 * everything else (including an empty tag) is Simplified Chinese, the primary language.
 */
export function presentLocale(lang: string | null | undefined): PresentLocale {
  return /^en\b/i.test((lang ?? '').trim()) ? 'en' : 'zh-CN';
}
