import type { PresentLocale } from './present-locale.ts';

/**
 * The one line the popup and the options page show while no department token is set: only the
 * public lists are checked, and how to sign in (paste the token the platform printed into the
 * options page).
 */
export function publicOnlyNote(locale: PresentLocale): string {
  return locale === 'en'
    ? 'Only the public lists are checked (no department token): internally shared entries are not. To sign in, paste the token the credit platform printed into the options page.'
    : '仅核查公开名单（未设置部门访问令牌），内部共享信息未核查。登录方法：将信用平台打印的访问令牌粘贴到“设置”页面。';
}
