import type { FeedbackOutcome } from '../api/feedback-schema.ts';
import { glossary } from './glossary.ts';
import type { PresentLocale } from './present-locale.ts';

/** The fixed strings of the feedback and objection forms and the name check, per locale. */
export interface FormText {
  feedbackTitle: string;
  reporter: (who: string) => string;
  caseReference: string;
  caseReferenceHint: string;
  outcome: Record<FeedbackOutcome, string>;
  skip: string;
  reason: string;
  note: string;
  submitFeedback: string;
  sending: string;
  needCase: string;
  needChoice: string;
  needReason: (item: string) => string;
  queued: (n: number) => string;
  pendingTitle: string;
  waiting: string;
  failed: (message: string) => string;
  retry: string;
  discard: string;
  givenTitle: string;
  givenLoading: string;
  givenNone: string;
  givenUnavailable: string;
  reportInaccurate: string;
  objectionTitle: string;
  objectionReason: string;
  contact: string;
  submitObjection: string;
  cancel: string;
  objectionAccepted: string;
  objectionFailed: Record<'auth' | 'conflict' | 'other', string>;
  nameMismatchDetail: (page: string, registered: string) => string;
}

const ZH: FormText = {
  feedbackTitle: '联合奖惩反馈',
  reporter: (who) => `反馈人：${who}`,
  caseReference: '业务编号（审批事项号、项目编号）',
  caseReferenceHint: '同一业务的反馈以此编号归档。',
  outcome: glossary('zh-CN').outcomes,
  skip: '暂不反馈',
  reason: '不适用理由（必填）',
  note: '备注（可选）',
  submitFeedback: '提交反馈',
  sending: '正在保存…',
  needCase: '请填写业务编号。',
  needChoice: '请至少为一项措施选择处理结果。',
  needReason: (item) => `请填写“${item}”不适用的理由。`,
  queued: (n) => `已保存 ${n} 条反馈，正在发送。`,
  pendingTitle: '待发送的反馈',
  waiting: '等待发送（平台暂不可达时自动重试）',
  failed: (message) => `平台未接受：${message}`,
  retry: '重新发送',
  discard: '放弃',
  givenTitle: '本业务已反馈',
  givenLoading: '正在读取已有反馈…',
  givenNone: '本业务尚无反馈。',
  givenUnavailable: '已有反馈暂时无法读取。',
  reportInaccurate: '报告信息有误',
  objectionTitle: '对该条信息提出异议',
  objectionReason: '异议理由',
  contact: '联系方式',
  submitObjection: '提交异议',
  cancel: '取消',
  objectionAccepted: '异议已受理：惩戒措施暂停执行',
  objectionFailed: {
    auth: '需要部门账号才能提交异议。',
    conflict: '该条信息已在异议核查中，或已不在有效期内。',
    other: '异议未能提交，请稍后重试。',
  },
  nameMismatchDetail: (page, registered) => `页面显示“${page}”，该代码登记名称为“${registered}”。`,
};

const EN: FormText = {
  feedbackTitle: 'Joint reward/punishment feedback',
  reporter: (who) => `Reported by: ${who}`,
  caseReference: 'Case reference (approval item or project number)',
  caseReferenceHint: 'Feedback is filed under this reference.',
  outcome: glossary('en').outcomes,
  skip: 'No feedback yet',
  reason: 'Why it does not apply (required)',
  note: 'Note (optional)',
  submitFeedback: 'Submit feedback',
  sending: 'Saving…',
  needCase: 'Enter the case reference.',
  needChoice: 'Choose an outcome for at least one measure.',
  needReason: (item) => `Say why “${item}” does not apply.`,
  queued: (n) => `${n} feedback item(s) saved; sending.`,
  pendingTitle: 'Feedback waiting to be sent',
  waiting: 'Waiting (retried automatically while the platform is unreachable)',
  failed: (message) => `Refused by the platform: ${message}`,
  retry: 'Send again',
  discard: 'Discard',
  givenTitle: 'Feedback already given for this case',
  givenLoading: 'Loading feedback given so far…',
  givenNone: 'No feedback for this case yet.',
  givenUnavailable: 'Feedback given so far could not be loaded.',
  reportInaccurate: 'Report inaccurate information',
  objectionTitle: 'Object to this entry',
  objectionReason: 'Reason',
  contact: 'Contact',
  submitObjection: 'Submit objection',
  cancel: 'Cancel',
  objectionAccepted: 'Objection accepted: punishments suspended',
  objectionFailed: {
    auth: 'A department account is needed to file an objection.',
    conflict: 'This entry is already under objection or no longer in force.',
    other: 'The objection could not be filed; try again later.',
  },
  nameMismatchDetail: (page, registered) => `The page shows “${page}”; the code is registered to “${registered}”.`,
};

/** The form strings for a locale. */
export function formText(locale: PresentLocale): FormText {
  return locale === 'en' ? EN : ZH;
}
