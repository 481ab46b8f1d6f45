import type { FastifyInstance } from 'fastify';
import type { ListEntry } from '../../core/api/list-entry-schema.ts';
import { chinaDate } from '../../core/time/china-time.ts';
import { glossary } from '../../core/present/glossary.ts';
import { effectiveState } from '../../core/verdict/effective-state.ts';
import { recordQuery } from '../audit/record-query.ts';
import type { Caller } from '../auth/caller.ts';
import { subjectDetails } from '../lists/subject-details.ts';
import { disclosureFor } from '../privacy/disclosure-for.ts';
import { ApiError } from '../server/api-error.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { escapeHtml } from './escape-html.ts';
import { pageLayout } from './page-layout.ts';

const ANONYMOUS: Caller = { role: null, tokenId: null, department: null };

const WORDS = glossary('zh-CN');

function row(label: string, value: string | null): string {
  return `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value ?? '—')}</td></tr>`;
}

function entryTable(e: ListEntry, today: string): string {
  const monitoring = e.monitoringUntil && e.monitoringUntil >= today && e.list === 'black' ? `重点监测至 ${e.monitoringUntil}` : e.monitoringUntil;
  return `<h3 class="${e.list}">${WORDS.lists[e.list]}：${escapeHtml(e.category)}</h3><table>
${row('状态', WORDS.entryStates[effectiveState(e, today)])}${row(WORDS.facts[e.list], e.facts)}${row('认定依据', e.legalBasis)}${row('文书号', e.documentNumber)}
${row('认定部门', e.department)}${row('列入日期', e.listedOn)}${row('有效期至', e.validUntil ?? '长期')}${row('可否信用修复', e.repairable ? '可修复' : '不可修复')}
${row('退出', e.exit ? `${e.exit.date} ${e.exit.reason}（${e.exit.department}）` : null)}${row('重点监测', monitoring)}
${e.repair?.status === 'pending' ? row('信用修复', `信用修复申请审核中（${chinaDate(new Date(e.repair.filedAt))} 提交）`) : ''}${e.objection?.status === 'pending' && e.state !== 'disputed' ? row('异议', '异议核实中') : ''}
${e.persons.map((p) => row(p.role, `${p.name}${p.idNumber ? ` ${p.idNumber}` : ''}`)).join('')}</table>`;
}

function errorPage(status: number, message: string): string {
  return pageLayout('信用透镜', `<h1>${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">返回首页 / Home</a></p>`);
}

/**
 * `GET /subjects/{code}`: a readable page of one subject from the same data as the API (the
 * extension's card links here). It is opened by a browser without a token, so it shows what an
 * anonymous caller may see — entries in their publication period only (section (二十五): in force,
 * or an exited black entry under monitoring; never a revoked one), persons masked — and only when
 * anonymous reads are on. Every value is escaped.
 */
export function registerSubjectPage(app: FastifyInstance, ctx: PlatformContext): void {
  app.get<{ Querystring: { code?: string } }>('/subjects/lookup', async (request, reply) => {
    const code = typeof request.query.code === 'string' ? request.query.code.slice(0, 64) : '';
    return reply.redirect(`/subjects/${encodeURIComponent(code)}`, 303);
  });
  app.get<{ Params: { code: string } }>('/subjects/:code', async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    if (!ctx.anonymousReads) return reply.code(401).send(errorPage(401, '匿名查询未开启，请通过部门系统使用令牌查询。Anonymous reads are off.'));
    const details = await subjectDetails(ctx, request.params.code, disclosureFor(ANONYMOUS, null));
    await recordQuery(ctx, request, ANONYMOUS, 'subject-page', [details instanceof ApiError ? request.params.code.slice(0, 64) : details.subject.code], null);
    if (details instanceof ApiError) {
      return reply
        .code(details.status)
        .send(
          errorPage(details.status, details.status === 404 ? '平台未收录该主体。No subject with this code.' : '不是有效的统一社会信用代码。Not a valid code.'),
        );
    }
    const today = ctx.today();
    const s = details.subject;
    const body = `<p><a href="/">信用透镜 · 参考信用平台</a></p>
<h1>${escapeHtml(s.name ?? s.code)}</h1>
<table>${row('统一社会信用代码', s.code)}${row('登记地区代码', s.regionCode)}${row('法定代表人/负责人', s.legalRepresentative)}</table>
<h2>红黑名单记录（公开信息）</h2>
${details.entries.length === 0 ? '<p>无公开的红黑名单记录。</p>' : details.entries.map((e) => entryTable(e, today)).join('\n')}
<h2>历史</h2>
<ul>${details.history.map((h) => `<li>${escapeHtml(chinaDate(new Date(h.at)))} ${escapeHtml(h.note)}</li>`).join('') || '<li>—</li>'}</ul>
<p class="muted">数据版本 ${details.dataVersion}，查询时间 ${escapeHtml(details.asOf)}。个人信息已脱敏。</p>`;
    return reply.send(pageLayout(`${s.name ?? s.code} · 信用透镜`, body));
  });
}
