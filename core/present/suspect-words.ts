import type { VerdictLocale } from '../verdict/verdict-labels.ts';

/**
 * The glossary's words for a code whose check character alone is wrong (pilot-era codes): the
 * flag and what it means. A file of its own so the widget's script tag, whose badges show the
 * flag, carries these few words and not the whole glossary (glossary.ts re-uses them).
 */
export const SUSPECT_WORDS: Readonly<Record<VerdictLocale, { short: string; long: string }>> = {
  'zh-CN': { short: '校验位不符', long: '校验位与代码不符，可能录入有误，请核对后再查询。' },
  en: { short: 'check character mismatch', long: 'The check character does not match; the code may be mistyped. Check it and query again.' },
};
