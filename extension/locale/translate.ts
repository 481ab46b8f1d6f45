/**
 * UI text for the popup and the options page, from `public/_locales/<locale>/messages.json`
 * through `browser.i18n`, so the browser picks the language (Simplified Chinese by default,
 * English for English-language browsers) exactly as it does for the manifest.
 */
import { browser } from 'wxt/browser';
import type { VerdictLocale } from '../../core/verdict/verdict-labels.ts';

/** The text of message `key`; `$1`…`$9` are filled from `substitutions`. Falls back to the key. */
export function t(key: string, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  return (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || key;
}

/** The locale of the messages the browser chose (messages.json carries it as `localeTag`). */
export function uiLocale(): VerdictLocale {
  return t('localeTag') === 'en' ? 'en' : 'zh-CN';
}

/** A failure kind (`offline`, `not-found`, …) in words. */
export function errorKindText(kind: string): string {
  return t(`errorKind_${kind.replace(/-/g, '_')}`);
}
