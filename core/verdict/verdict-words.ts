/**
 * A verdict look's symbol and words, as the badge shows them: short label and one-line meaning.
 * Apart from what to do (verdict-labels.ts), so a badge — the widget's script tag above all —
 * carries only what it shows.
 */
import { VERDICT_PALETTE, type VerdictLook } from './verdict-palette.ts';

export type VerdictLocale = 'zh-CN' | 'en';

export interface VerdictWords {
  short: string;
  /** What the verdict means, in one line. */
  long: string;
  /** A distinct glyph per look (verdict-palette.ts), so verdicts differ by more than colour. */
  symbol: string;
}

const WORDS: Record<VerdictLocale, Record<VerdictLook, { short: string; long: string }>> = {
  'zh-CN': {
    black: { short: '黑名单', long: '列入严重失信主体名单（黑名单）' },
    disputed: { short: '异议中', long: '名单记录异议核查中，暂停奖惩' },
    red: { short: '红名单', long: '列入守信联合激励名单（红名单）' },
    watch: { short: '重点监测', long: '已退出黑名单，处于重点监测期' },
    clear: { short: '未列入', long: '平台查询：未列入红黑名单' },
    public: { short: '未列入', long: '仅查询公开名单：未列入；内部共享信息未核查' },
    invalid: { short: '代码无效', long: '不是有效的统一社会信用代码' },
    unknown: { short: '未能核查', long: '未能完成核查，结果未知' },
    pending: { short: '查询中', long: '正在查询信用平台' },
  },
  en: {
    black: { short: 'Black list', long: 'On the black list (seriously dishonest)' },
    disputed: { short: 'Disputed', long: 'List entry under objection; its measures are suspended' },
    red: { short: 'Red list', long: 'On the red list (joint incentives)' },
    watch: { short: 'Monitoring', long: 'Left the black list; under key monitoring' },
    clear: { short: 'Not listed', long: 'Platform checked: not on the red or black list' },
    public: { short: 'Not listed', long: 'Public lists only: not listed; internally shared information was not checked' },
    invalid: { short: 'Invalid code', long: 'Not a valid unified social credit code' },
    unknown: { short: 'Not checked', long: 'The check did not complete; status unknown' },
    pending: { short: 'Checking', long: 'Asking the credit platform' },
  },
};

/** Short text, meaning and symbol for a verdict kind or look (see verdict-look.ts). */
export function verdictWords(look: VerdictLook, locale: VerdictLocale): VerdictWords {
  return { ...WORDS[locale][look], symbol: VERDICT_PALETTE[look].symbol };
}
