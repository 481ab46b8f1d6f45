import { SUSPECT_WORDS } from './suspect-words.ts';
import type { PresentLocale } from './present-locale.ts';

/**
 * The few fixed strings a badge shows besides its verdict label, per locale. Kept apart from the
 * card's and the forms' text so a page that only shows badges (the widget's script tag) does not
 * carry the card's words.
 */
export interface BadgeText {
  disputedQualifier: string;
  suspectQualifier: string;
  publicOnlyQualifier: string;
  nameMismatch: string;
}

const ZH: BadgeText = {
  disputedQualifier: '惩戒暂停',
  suspectQualifier: SUSPECT_WORDS['zh-CN'].short,
  publicOnlyQualifier: '仅公开信息',
  nameMismatch: '名称与代码不符',
};

const EN: BadgeText = {
  disputedQualifier: 'punishment suspended',
  suspectQualifier: SUSPECT_WORDS.en.short,
  publicOnlyQualifier: 'public lists only',
  nameMismatch: 'Name does not match code',
};

export function badgeText(locale: PresentLocale): BadgeText {
  return locale === 'en' ? EN : ZH;
}
