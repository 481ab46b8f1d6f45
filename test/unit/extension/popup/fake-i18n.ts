/**
 * `browser.i18n` for unit tests (fakeBrowser has none): answers from the real messages.json, with
 * Chrome's placeholder rules, so tests see the texts users see.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Installs `getMessage` and `getUILanguage` for `locale` on fakeBrowser; call after `fakeBrowser.reset()`. */
export function installFakeI18n(locale: 'zh_CN' | 'en' = 'zh_CN'): void {
  const file = resolve(import.meta.dirname, `../../../../extension/public/_locales/${locale}/messages.json`);
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Messages;
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
    return withPlaceholders.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
  };
  i18n.getUILanguage = () => locale.replace('_', '-');
}
