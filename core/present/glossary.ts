/**
 * The shared words: every surface (the extension's page marks, card and popup, the widget, the
 * platform's pages and printed record, the command line) names a context, a feedback outcome, an
 * entry's state, a suspect code or a missing name with these strings, so one state never has two
 * names. Verdict labels, their symbols and their order are in core/verdict (verdict-labels.ts,
 * verdict-strength.ts); colours in verdict-palette.ts. Pure data: no browser globals.
 */
import type { CheckContext } from '../api/check-context-schema.ts';
import type { FeedbackOutcome } from '../api/feedback-schema.ts';
import type { EntryStanding } from '../verdict/effective-state.ts';
import type { VerdictLocale } from '../verdict/verdict-labels.ts';
import { SUSPECT_WORDS } from './suspect-words.ts';

export interface Glossary {
  /** Where a check happens (core/api CHECK_CONTEXTS). */
  contexts: Record<CheckContext, string>;
  /** What a department did with a measure (section (二十四) feedback). */
  outcomes: Record<FeedbackOutcome, string>;
  /** An entry's standing today (core/verdict entryStanding). */
  entryStates: Record<EntryStanding, string>;
  /** The two lists. */
  lists: Record<'black' | 'red', string>;
  /** What an entry was listed for: dishonest facts on the black list, honest ones on the red. */
  facts: Record<'black' | 'red', string>;
  /** A code whose check character alone is wrong (pilot-era codes): the flag and what it means. */
  suspect: { short: string; long: string };
  /** A code the platform gave no registered name for (not found, not yet checked, invalid). */
  unnamed: string;
  /** A verdict shown before the platform's full answer (from the list snapshot, or still checking): the name comes with it. */
  nameToCome: string;
}

const ZH: Glossary = {
  contexts: {
    approval: '行政审批',
    procurement: '政府采购与招投标',
    funding: '财政资金',
    honours: '评优评先',
    licensing: '行政许可',
    inspection: '监督检查',
    general: '通用核查',
  },
  outcomes: { applied: '已实施', 'not-applicable': '不适用', exempted: '依法豁免' },
  entryStates: {
    active: '有效',
    disputed: '异议核查中（暂停惩戒）',
    exited: '已退出',
    expired: '已过期',
    revoked: '已撤销',
    upcoming: '未生效',
  },
  lists: { black: '黑名单', red: '红名单' },
  facts: { black: '失信事实', red: '守信事实' },
  suspect: SUSPECT_WORDS['zh-CN'],
  unnamed: '（未登记名称）',
  nameToCome: '（名称待平台答复）',
};

const EN: Glossary = {
  contexts: {
    approval: 'Administrative approval',
    procurement: 'Procurement and bidding',
    funding: 'Public funds',
    honours: 'Honours and awards',
    licensing: 'Licensing',
    inspection: 'Inspection',
    general: 'General check',
  },
  outcomes: { applied: 'Applied', 'not-applicable': 'Not applicable', exempted: 'Exempted by law' },
  entryStates: {
    active: 'In force',
    disputed: 'Under objection (punishment suspended)',
    exited: 'Exited',
    expired: 'Expired',
    revoked: 'Revoked',
    upcoming: 'Not yet in force',
  },
  lists: { black: 'Black list', red: 'Red list' },
  facts: { black: 'Dishonest conduct', red: 'Creditworthy conduct' },
  suspect: SUSPECT_WORDS.en,
  unnamed: '(no registered name)',
  nameToCome: '(name to come from the platform)',
};

/** The shared words in `locale`. */
export function glossary(locale: VerdictLocale): Glossary {
  return locale === 'en' ? EN : ZH;
}
