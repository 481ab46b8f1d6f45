/**
 * `browser.i18n` for unit tests (fakeBrowser has none): answers from the real messages.json, with
 * Chrome's placeholder rules, so tests see the texts users see.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { formatMessage, type LocaleMessages } from '../../../../extension/locale/translate.ts';

/** Installs `getMessage` and `getUILanguage` for `locale` on fakeBrowser; call after `fakeBrowser.reset()`. */
export function installFakeI18n(locale: 'zh_CN' | 'en' = 'zh_CN'): void {
  const file = resolve(import.meta.dirname, `../../../../extension/public/_locales/${locale}/messages.json`);
  const messages = JSON.parse(readFileSync(file, 'utf8')) as LocaleMessages;
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, subs?: string | string[]) => formatMessage(messages[key], subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  i18n.getUILanguage = () => locale.replace('_', '-');
}
