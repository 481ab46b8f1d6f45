import type { VerdictLocale } from '../../core/verdict/verdict-labels.ts';

/**
 * The printed record's own words, in Chinese (the document filed) and in English (for an English
 * UI): one language per printout, never both side by side. Shared words (contexts, entry states,
 * lists) come from core/present/glossary.ts, verdicts from core/verdict.
 */
export interface PrintRecordWords {
  lang: string;
  title: string;
  recordId: string;
  platform: string;
  /** A record in parts (several platforms): which set, of how many platforms. */
  recordSet: string;
  setOf: (id: string, platforms: number) => string;
  projectName: string;
  projectNumber: string;
  context: string;
  department: string;
  operator: string;
  issuedAt: string;
  asOf: string;
  dataVersion: string;
  sourcePage: string;
  beijing: string;
  stated: string;
  statedNote: string;
  blank: string;
  summary: string;
  total: (n: number) => string;
  mismatches: (n: number) => string;
  count: string;
  verdict: string;
  items: string;
  n: string;
  code: string;
  registeredName: string;
  note: string;
  pageName: (name: string) => string;
  seeDetails: (n: number) => string;
  details: string;
  reason: string;
  entries: string;
  measures: string;
  suspended: string;
  until: string;
  openEnded: string;
  invalidCode: string;
  signatures: string;
  handler: string;
  reviewer: string;
  sign: string;
  date: string;
  verifyTitle: string;
  verifyText: string;
  qrLabel: string;
  keyId: string;
  fingerprint: string;
  valid: string;
  invalid: string;
  page: [string, string, string];
  print: string;
  downloadJson: string;
  downloadCsv: string;
}

const ZH: PrintRecordWords = {
  lang: 'zh-CN',
  title: '信用查询记录',
  recordId: '记录编号',
  platform: '出具平台',
  recordSet: '分平台记录',
  setOf: (id, n) => `本记录是 ${n} 个信用平台分别签发的记录之一（记录组 ${id}），须与其余各部分一并核验`,
  projectName: '项目名称',
  projectNumber: '项目编号',
  context: '核查场景',
  department: '查询部门',
  operator: '查询人',
  issuedAt: '查询时间',
  asOf: '数据时间',
  dataVersion: '数据版本',
  sourcePage: '来源页面',
  beijing: '（北京时间）',
  stated: '（调用方填写，平台未核实）',
  statedNote: '标注“调用方填写”的内容及“所填名称”由查询方提供，平台未核实；“不一致”只说明所填名称与登记名称不同。',
  blank: '＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿',
  summary: '核查结果汇总',
  total: (n) => `共核查 ${n} 个统一社会信用代码`,
  mismatches: (n) => `名称与登记名称不一致 ${n} 个`,
  count: '数量',
  verdict: '核查结论',
  items: '逐户核查结果',
  n: '序号',
  code: '统一社会信用代码',
  registeredName: '登记名称',
  note: '说明',
  pageName: (name) => `所填名称“${name}”与登记名称不一致`,
  seeDetails: (n) => `详见附表第 ${n} 项`,
  details: '附表：名单主体详情',
  reason: '结论说明',
  entries: '名单记录',
  measures: '适用措施',
  suspended: '（暂停适用）',
  until: '至',
  openEnded: '长期',
  invalidCode: '（代码无效）',
  signatures: '经办与复核',
  handler: '经办人',
  reviewer: '复核人',
  sign: '（签字）',
  date: '日期',
  verifyTitle: '验证方式',
  verifyText: '本记录由信用平台以电子签名出具。请打开下列地址（或扫描二维码），选择本记录的电子版（JSON 文件）进行验证；内容有任何改动，验证即不通过。',
  qrLabel: '记录验证地址二维码',
  keyId: '签名密钥',
  fingerprint: '签名指纹',
  valid: '✓ 签名有效：本记录与平台出具的内容一致。',
  invalid: '✖ 签名无效，本打印件不能作为平台出具的记录。',
  page: ['第 ', ' 页 共 ', ' 页'],
  print: '打印 / 保存为 PDF',
  downloadJson: '下载 JSON',
  downloadCsv: '下载 CSV',
};

const EN: PrintRecordWords = {
  lang: 'en',
  title: 'Credit check record',
  recordId: 'Record ID',
  platform: 'Issued by',
  recordSet: 'Record in parts',
  setOf: (id, n) => `One of the records ${n} credit platforms signed for this check (set ${id}); verify it with the other parts`,
  projectName: 'Project name',
  projectNumber: 'Project number',
  context: 'Context',
  department: 'Department',
  operator: 'Operator',
  issuedAt: 'Checked at',
  asOf: 'Data as of',
  dataVersion: 'Data version',
  sourcePage: 'Source page',
  beijing: ' (Beijing time)',
  stated: ' (stated by the caller, not checked by the platform)',
  statedNote:
    'Values marked “stated by the caller” and the names given were stated by the caller, not checked by the platform; “differs” only says the name given is not the registered one.',
  blank: '________________',
  summary: 'Summary',
  total: (n) => `${n} unified social credit codes checked`,
  mismatches: (n) => `${n} names differ from the registered name`,
  count: 'Count',
  verdict: 'Result',
  items: 'Results by subject',
  n: 'No.',
  code: 'Unified social credit code',
  registeredName: 'Registered name',
  note: 'Note',
  pageName: (name) => `Name given “${name}” differs from the registered name`,
  seeDetails: (n) => `See annex item ${n}`,
  details: 'Annex: listed subjects',
  reason: 'Meaning',
  entries: 'List entries',
  measures: 'Measures',
  suspended: ' (suspended)',
  until: ' to ',
  openEnded: 'open-ended',
  invalidCode: '(invalid code)',
  signatures: 'Handled and reviewed',
  handler: 'Handled by',
  reviewer: 'Reviewed by',
  sign: ' (signature)',
  date: 'Date',
  verifyTitle: 'How to verify',
  verifyText:
    'The credit platform signed this record electronically. Open the address below (or scan the QR code) and choose the electronic copy (JSON file) of this record; any change makes verification fail.',
  qrLabel: 'QR code of the verification address',
  keyId: 'Signing key',
  fingerprint: 'Signature fingerprint',
  valid: '✓ Signature valid: this is exactly what the platform issued.',
  invalid: '✖ Signature not valid: this printout is not a record issued by the platform.',
  page: ['Page ', ' of ', ''],
  print: 'Print / Save as PDF',
  downloadJson: 'Download JSON',
  downloadCsv: 'Download CSV',
};

/** The printed record's words in `locale`. */
export function printRecordWords(locale: VerdictLocale): PrintRecordWords {
  return locale === 'en' ? EN : ZH;
}
