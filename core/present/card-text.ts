import type { PresentLocale } from './present-locale.ts';

/** The fixed strings of the card's opening line, its measure list, its action buttons and its pinned panel. */
export interface CardText {
  /** 本事项应…… : what this page's task must do, from its most specific measure in force. */
  mustDo: (item: string) => string;
  /** A red entry's measure: what this page's task may do. */
  mayDo: (item: string) => string;
  /** Every measure of the context is suspended (entry under objection). */
  suspendedTask: (item: string) => string;
  /** A black or red subject with no measure for this context. */
  noTask: string;
  /** More measures of the context after the first. */
  moreMeasures: (n: number) => string;
  sharedBasis: (n: number) => string;
  ownBasis: string;
  /** The card's buttons that open the pinned panel. */
  giveFeedback: string;
  reportEntry: string;
  /** The pinned panel. */
  panelFeedback: string;
  panelObjection: string;
  close: string;
  /** The card while the platform has not answered yet. */
  checkingTitle: string;
  checkingNote: string;
}

const ZH: CardText = {
  mustDo: (item) => `本事项应：${item}。`,
  mayDo: (item) => `本事项可：${item}。`,
  suspendedTask: (item) => `异议核查期间暂停实施：${item}。`,
  noTask: '本环节无适用的联合奖惩措施，按一般规定办理。',
  moreMeasures: (n) => `本环节其他适用措施（${n} 项）`,
  sharedBasis: (n) => `共同依据（${n} 项）`,
  ownBasis: '另依据',
  giveFeedback: '反馈措施落实情况',
  reportEntry: '报告信息有误',
  panelFeedback: '反馈措施落实情况',
  panelObjection: '报告信息有误（提出异议）',
  close: '关闭',
  checkingTitle: '正在核查',
  checkingNote: '正在向信用平台核查此代码，结果返回前请勿视为“未列入”。',
};

const EN: CardText = {
  mustDo: (item) => `This task must: ${item}.`,
  mayDo: (item) => `This task may: ${item}.`,
  suspendedTask: (item) => `Suspended while the objection is verified: ${item}.`,
  noTask: 'No joint reward or punishment measure applies here; proceed as usual.',
  moreMeasures: (n) => `Other measures that apply here (${n})`,
  sharedBasis: (n) => `Shared basis (${n})`,
  ownBasis: 'Also based on',
  giveFeedback: 'Report how the measures were applied',
  reportEntry: 'Report inaccurate information',
  panelFeedback: 'How the measures were applied',
  panelObjection: 'Report inaccurate information (objection)',
  close: 'Close',
  checkingTitle: 'Checking',
  checkingNote: 'Asking the credit platform about this code; do not treat it as not listed until the answer comes.',
};

/** The card's strings for a locale. */
export function cardText(locale: PresentLocale): CardText {
  return locale === 'en' ? EN : ZH;
}
