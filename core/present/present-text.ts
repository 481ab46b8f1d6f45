import type { CheckContext } from '../api/check-context-schema.ts';
import { glossary } from './glossary.ts';
import type { PresentLocale } from './present-locale.ts';

/** Every fixed string the cards and badges show, per locale; platform text is never looked up here. */
export interface PresentText {
  black: string;
  red: string;
  answeredAt: string;
  department: string;
  listedOn: string;
  validUntil: string;
  noEnd: string;
  documentNumber: string;
  legalBasis: string;
  /** What an entry was listed for, by list (失信事实 / 守信事实). */
  facts: Record<'black' | 'red', string>;
  monitoringUntil: string;
  objection: string;
  objectionStatus: Record<'pending' | 'upheld' | 'rejected', string>;
  activeEntries: string;
  disputedEntries: string;
  watchEntries: string;
  measuresIn: (context: string) => string;
  noMeasures: string;
  reward: string;
  punishment: string;
  suspended: string;
  implementing: string;
  basis: string;
  means: string;
  persons: string;
  upcoming: string;
  upcomingEntries: string;
  repairPending: string;
  openPlatform: string;
  unnamed: string;
  nameToCome: string;
  code: string;
  contexts: Record<CheckContext, string>;
}

const ZH: PresentText = {
  black: glossary('zh-CN').lists.black,
  red: glossary('zh-CN').lists.red,
  answeredAt: '数据时间',
  department: '认定部门',
  listedOn: '列入日期',
  validUntil: '有效期至',
  noEnd: '长期',
  documentNumber: '文号',
  legalBasis: '认定依据',
  facts: glossary('zh-CN').facts,
  monitoringUntil: '重点监测至',
  objection: '异议',
  objectionStatus: { pending: '核查中（暂停惩戒）', upheld: '异议成立', rejected: '异议不成立' },
  activeEntries: '有效记录',
  disputedEntries: '异议中的记录',
  watchEntries: '重点监测',
  measuresIn: (context) => `本环节（${context}）适用的措施`,
  noMeasures: '本环节无适用的联合奖惩措施。',
  reward: '激励',
  punishment: '惩戒',
  suspended: '暂停适用',
  implementing: '实施部门',
  basis: '依据',
  means: '措施内容',
  persons: '相关责任人（落实到人）',
  upcoming: '未生效',
  upcomingEntries: '尚未生效的记录（列入日期未到）',
  repairPending: '信用修复申请审核中',
  openPlatform: '在信用平台查看',
  unnamed: glossary('zh-CN').unnamed,
  nameToCome: glossary('zh-CN').nameToCome,
  code: '统一社会信用代码',
  contexts: glossary('zh-CN').contexts,
};

const EN: PresentText = {
  black: glossary('en').lists.black,
  red: glossary('en').lists.red,
  answeredAt: 'Answer from',
  department: 'Identifying department',
  listedOn: 'Listed on',
  validUntil: 'Valid until',
  noEnd: 'no end date',
  documentNumber: 'Document no.',
  legalBasis: 'Basis for listing',
  facts: glossary('en').facts,
  monitoringUntil: 'Monitored until',
  objection: 'Objection',
  objectionStatus: { pending: 'being verified (punishment suspended)', upheld: 'upheld', rejected: 'rejected' },
  activeEntries: 'Entries in force',
  disputedEntries: 'Entries under objection',
  watchEntries: 'Key monitoring',
  measuresIn: (context) => `Measures that apply here (${context})`,
  noMeasures: 'No joint reward or punishment measure applies here.',
  reward: 'Reward',
  punishment: 'Punishment',
  suspended: 'suspended',
  implementing: 'Implementing department',
  basis: 'Basis',
  means: 'Means',
  persons: 'Responsible persons',
  upcoming: 'not yet in force',
  upcomingEntries: 'Entries not yet in force (listing date to come)',
  repairPending: 'Credit repair application under review',
  openPlatform: 'Open on the credit platform',
  unnamed: glossary('en').unnamed,
  nameToCome: glossary('en').nameToCome,
  code: 'Unified social credit code',
  contexts: glossary('en').contexts,
};

/** The fixed strings for a locale. */
export function presentText(locale: PresentLocale): PresentText {
  return locale === 'en' ? EN : ZH;
}
