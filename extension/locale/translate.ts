/**
 * UI text for the popup and the options page, from `public/_locales/<locale>/messages.json`
 * through `browser.i18n`, so the browser picks the language (Simplified Chinese by default,
 * English for English-language browsers) exactly as it does for the manifest.
 *
 * `?lang=zh_CN` or `?lang=en` on an extension page overrides the browser's choice: a browser
 * whose UI language has no Chinese resources (a bare Linux Chromium) still shows, and tests and
 * screenshots still check, the primary locale.
 */
import { browser } from 'wxt/browser';
import type { VerdictLocale } from '../../core/verdict/verdict-labels.ts';

export type LocaleMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const LOCALES = ['zh_CN', 'en'] as const;
let override: LocaleMessages | null = null;

/** Chrome's rules: `$NAME$` takes its placeholder's content, then `$1`…`$9` take the substitutions. */
export function formatMessage(entry: LocaleMessages[string] | undefined, substitutions: string[] = []): string {
  if (!entry) return '';
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
  return named.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

/** Loads the messages named by `?lang=` in `search`, if any; call before the first render. */
export async function loadLocaleOverride(search: string): Promise<void> {
  const lang = new URLSearchParams(search).get('lang');
  const locale = LOCALES.find((l) => l === lang);
  if (!locale) return;
  const response = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/popup.html'));
  override = (await response.json()) as LocaleMessages;
}

/** The text of message `key`; `$1`…`$9` are filled from `substitutions`. Falls back to the key. */
export function t(key: string, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  if (override) return formatMessage(override[key], subs) || key;
  return (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || key;
}

/** The locale of the messages in use (messages.json carries it as `localeTag`). */
export function uiLocale(): VerdictLocale {
  return t('localeTag') === 'en' ? 'en' : 'zh-CN';
}

/** A failure kind (`offline`, `not-found`, …) in words. */
export function errorKindText(kind: string): string {
  return t(`errorKind_${kind.replace(/-/g, '_')}`);
}
