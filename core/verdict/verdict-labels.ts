import type { VerdictLook } from './verdict-palette.ts';
import { verdictWords, type VerdictLocale, type VerdictWords } from './verdict-words.ts';
import type { Verdict } from './verdict-types.ts';

export type { VerdictLocale };

export interface VerdictLabel extends VerdictWords {
  /** What the person at the desk should do, in one line (the card's first line). */
  action: string;
}

const ACTIONS: Record<VerdictLocale, Record<VerdictLook, string>> = {
  'zh-CN': {
    black: '按本环节的惩戒措施从严审核，依法限制或不予办理。',
    disputed: '核查期间暂停惩戒，可按正常程序办理，并关注核查结果。',
    red: '可按本环节的激励措施给予便利（如容缺受理、优先办理）。',
    watch: '可依法办理，监测期内加强审核和事中事后监管。',
    clear: '未发现红黑名单记录，可按正常程序办理。',
    public: '在 CreditLens 设置中填入部门访问令牌后，可核查内部共享信息。',
    invalid: '核对代码是否录入有误（位数、字符、校验位），更正后再查询。',
    unknown: '结果未知，不能视为“未列入”：稍后重新核查或直接向信用平台查询。',
    pending: '请稍候；结果返回前不能视为“未列入”。',
  },
  en: {
    black: 'Apply this context’s punishment measures: restrict or refuse as the law requires.',
    disputed: 'Punishments are suspended while it is verified: proceed as usual and follow the outcome.',
    red: 'This context’s incentives may apply (e.g. fast-track handling).',
    watch: 'May proceed; review closely and supervise during the monitoring period.',
    clear: 'No red- or black-list entry: proceed as usual.',
    public: 'Enter a department access token in the CreditLens settings to check internally shared information.',
    invalid: 'Check the code for typing errors (length, characters, check character) and query again.',
    unknown: 'Unknown is not clear: check again later or ask the credit platform directly.',
    pending: 'Please wait; until the answer arrives this is not clear.',
  },
};

/** Below this an answer's age reads "刚刚" / "just now". */
const JUST_NOW_SECONDS = 3;

/** Short text, meaning, what to do and symbol for a verdict kind or look (see verdict-look.ts). */
export function verdictLabel(look: VerdictLook, locale: VerdictLocale): VerdictLabel {
  return { ...verdictWords(look, locale), action: ACTIONS[locale][look] };
}

const REASONS: Record<VerdictLocale, Record<Verdict['reason']['code'], string>> = {
  'zh-CN': {
    'black-active': '该主体有有效的黑名单记录，适用联合惩戒措施。',
    'black-disputed': '该主体的黑名单记录正在异议核查中，核查期间暂停实施惩戒措施。',
    'red-active': '该主体有有效的红名单记录，可适用联合激励措施。',
    'red-disputed': '该主体的红名单记录正在异议核查中，核查期间暂停适用激励措施。',
    monitoring: '该主体已退出黑名单，目前处于重点监测期。',
    'nothing-active': '该主体目前没有有效的红黑名单记录。',
    'nothing-active-public': '公开名单中未查到该主体的有效记录；未使用部门凭证查询，内部共享信息不在此结果中。',
    'not-found': '信用平台未查到该代码对应的主体，也无名单记录。',
    'invalid-code': '该代码不是有效的统一社会信用代码，请核对。',
    'suspect-code': '信用平台未查到有效名单记录，但该代码看起来异常，请核对是否输入有误。',
    'suspect-not-found': '校验位错误，平台无此代码，请核对。',
    error: '未能从信用平台得到可靠结果，请勿视为“未列入”。',
    checking: '正在向信用平台查询。',
    paused: '此页面一分钟内要求核查的代码过多，已暂停核查（以防页面脚本批量探查名单）；请在 CreditLens 弹窗中点击“继续核查”。',
  },
  en: {
    'black-active': 'This subject has an active black-list entry; joint punishment measures apply.',
    'black-disputed': 'A black-list entry of this subject is under objection; its punishments are suspended meanwhile.',
    'red-active': 'This subject has an active red-list entry; joint incentive measures may apply.',
    'red-disputed': 'A red-list entry of this subject is under objection; its incentives are held while it is verified.',
    monitoring: 'This subject has left the black list and is under key monitoring.',
    'nothing-active': 'This subject has no active red- or black-list entry.',
    'nothing-active-public':
      'No active entry in the published lists; checked without department credentials, so internally shared information is not included.',
    'not-found': 'The credit platform holds no subject and no entry for this code.',
    'invalid-code': 'This is not a valid unified social credit code; please check it.',
    'suspect-code': 'No active entry was found, but the code looks unusual; check it was typed correctly.',
    'suspect-not-found': 'The check character is wrong and the platform holds no such code; please check it.',
    error: 'No reliable answer came from the credit platform; do not treat this subject as clear.',
    checking: 'Asking the credit platform.',
    paused:
      'This page asked for too many codes within a minute, so checking is paused (a page script may be probing the lists); click “Continue checking” in the CreditLens popup.',
  },
};

const ERRORS: Record<VerdictLocale, Record<NonNullable<Verdict['reason']['errorKind']>, string>> = {
  'zh-CN': {
    offline: '无法连接信用平台。',
    timeout: '信用平台响应超时。',
    http: '信用平台返回错误。',
    schema: '信用平台的响应不符合约定格式。',
    auth: '需要登录或凭证已失效。',
    permission: '当前账号无权查询此信息。',
    aborted: '查询已取消。',
  },
  en: {
    offline: 'The credit platform could not be reached.',
    timeout: 'The credit platform did not answer in time.',
    http: 'The credit platform returned an error.',
    schema: 'The credit platform’s answer did not match the contract.',
    auth: 'Sign-in is required or the credentials have expired.',
    permission: 'This account may not query this information.',
    aborted: 'The check was cancelled.',
  },
};

/** One or two sentences saying why the verdict is what it is, including a failed refresh and the answer's age. */
export function describeReason(verdict: Verdict, locale: VerdictLocale): string {
  const parts = [REASONS[locale][verdict.reason.code]];
  if (verdict.reason.code === 'black-active' && verdict.suspendedRed) {
    parts.push(locale === 'zh-CN' ? '其红名单激励措施暂停适用。' : 'Its red-list incentives are suspended.');
  }
  if (verdict.reason.errorKind) {
    parts.push(ERRORS[locale][verdict.reason.errorKind]);
    if (verdict.lastKnown) {
      const last = verdictLabel(verdict.lastKnown, locale).short;
      // The list snapshot's answer names its time (core/snapshot/snapshot-verdict.ts): "据 14:30 名单快照：未列入".
      const note = verdict.reason.detail?.startsWith('据 ') ? verdict.reason.detail : null;
      parts.push(
        locale === 'zh-CN' ? `${note ?? `上次结果：${last}`}。` : `Last answer received: ${last}${note ? ` (list snapshot, ${note.slice(2, 7)})` : ''}.`,
      );
    }
  }
  if (verdict.stale && verdict.ageMs !== null) {
    parts.push(locale === 'zh-CN' ? `数据时间：${formatAge(verdict.ageMs, locale)}。` : `Answer from ${formatAge(verdict.ageMs, locale)}.`);
  }
  return parts.join(locale === 'zh-CN' ? '' : ' ');
}

/**
 * "刚刚" / "45 秒前" / "3 分钟前" / "2 小时前" / "4 天前", or "just now" / "45 s ago" / "3 min ago" /
 * "2 h ago" / "4 days ago". "刚刚" only for the first few seconds: an answer that is past a short
 * freshness window must not read as just given.
 */
export function formatAge(ms: number, locale: VerdictLocale): string {
  const zh = locale === 'zh-CN';
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < JUST_NOW_SECONDS) return zh ? '刚刚' : 'just now';
  if (seconds < 60) return zh ? `${seconds} 秒前` : `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return zh ? `${minutes} 分钟前` : `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return zh ? `${hours} 小时前` : `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return zh ? `${days} 天前` : `${days} ${days === 1 ? 'day' : 'days'} ago`;
}
