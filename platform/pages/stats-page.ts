import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { VERDICT_KINDS } from '../../core/api/check-record-schema.ts';
import type { OutcomeCounts, StatsResponse } from '../../core/api/stats-schema.ts';
import { chinaDate } from '../../core/verdict/china-date.ts';
import { glossary } from '../../core/present/glossary.ts';
import { verdictLabel } from '../../core/verdict/verdict-labels.ts';
import { admit, callerOf } from '../auth/authorize.ts';
import { statsFor } from '../routes/stats-routes.ts';
import { ApiError } from '../server/api-error.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { DEFAULT_STATS_DAYS } from '../stats/stats-period.ts';
import { statsToCsv } from '../stats/stats-to-csv.ts';
import { daysFrom } from '../time/days-from.ts';
import { escapeHtml } from './escape-html.ts';
import { registerFormPages } from './form-pages.ts';
import { pageLayout } from './page-layout.ts';
import { sendPage } from './send-page.ts';

/** The posted form: every field optional text; anything else (a JSON body with numbers or objects) is refused. */
const StatsFormSchema = z.strictObject({
  token: z.optional(z.string().check(z.maxLength(4096))),
  from: z.optional(z.string().check(z.maxLength(40))),
  to: z.optional(z.string().check(z.maxLength(40))),
  department: z.optional(z.string().check(z.maxLength(200))),
});
type StatsForm = z.infer<typeof StatsFormSchema>;

function readForm(body: unknown): StatsForm {
  const parsed = StatsFormSchema.safeParse(body ?? {});
  if (!parsed.success) throw new ApiError(400, 'bad_request', '表单字段无效 / invalid form fields');
  return parsed.data;
}

const cells = (values: (string | number)[], tag = 'td') => `<tr>${values.map((v) => `<${tag}>${escapeHtml(String(v))}</${tag}>`).join('')}</tr>`;
const outcomeCells = (c: OutcomeCounts) => [c.total, c.applied, c['not-applicable'], c.exempted];
const OUTCOME_HEAD = [
  '合计 total',
  ...(['applied', 'not-applicable', 'exempted'] as const).map((o) => `${glossary('zh-CN').outcomes[o]} ${glossary('en').outcomes[o]}`),
];

function form(f: StatsForm): string {
  const to = f.to || chinaDate(new Date());
  const from = f.from || daysFrom(to, -(DEFAULT_STATS_DAYS - 1));
  return `<form method="post" action="/stats">
<label>自 From <input type="date" name="from" value="${escapeHtml(from)}" required></label>
<label>至 To <input type="date" name="to" value="${escapeHtml(to)}" required></label>
<label>部门令牌 Token <input type="password" name="token" value="${escapeHtml(f.token ?? '')}" autocomplete="off" required></label>
<label>部门（仅管理员）Department (admin) <input name="department" value="${escapeHtml(f.department ?? '')}" maxlength="200"></label>
<button type="submit">查看 / Show</button>
<button type="submit" formaction="/stats.csv">导出 CSV / Export CSV</button>
</form>`;
}

function tables(s: StatsResponse): string {
  return `<h2>查询 <span class="muted">Checks</span>（${escapeHtml(s.from)} — ${escapeHtml(s.to)}，${escapeHtml(s.department ?? '全部部门 all departments')}）</h2>
<table>${cells(['查询次数 queries', '查询代码数 codes', '出具记录 records'], 'th')}${cells([s.checks.queries, s.checks.codes, s.checks.records])}</table>
<table>${cells(['部门 department', '查询次数 queries', '代码数 codes'], 'th')}${s.checks.byDepartment.map((d) => cells([d.department, d.queries, d.codes])).join('')}</table>
<h2>核查结论 <span class="muted">Verdicts found</span></h2>
<table>${cells(
    VERDICT_KINDS.map((k) => verdictLabel(k, 'zh-CN').short),
    'th',
  )}${cells(VERDICT_KINDS.map((k) => s.verdicts[k]))}</table>
<h2>措施反馈 <span class="muted">Feedback</span></h2>
<table>${cells(OUTCOME_HEAD, 'th')}${cells(outcomeCells(s.feedback))}</table>
<h3>按部门 <span class="muted">by department</span></h3>
<table>${cells(['部门 department', ...OUTCOME_HEAD], 'th')}${s.feedback.byDepartment.map((d) => cells([d.department, ...outcomeCells(d)])).join('')}</table>
<h3>按措施 <span class="muted">by measure</span></h3>
<table>${cells(['措施 measure', '名称 item', ...OUTCOME_HEAD], 'th')}${s.feedback.byMeasure.map((m) => cells([m.measureId, m.item, ...outcomeCells(m)])).join('')}</table>
<h2>异议 <span class="muted">Objections</span></h2>
<table>${cells(['提出 filed', '办结 resolved', '成立 upheld', '不成立 rejected'], 'th')}${cells([s.objections.filed, s.objections.resolved, s.objections.upheld, s.objections.rejected])}</table>
<p class="muted">数据时间 ${escapeHtml(s.asOf)}。核查结论在查询当时统计。Verdicts are counted when the query was answered.</p>`;
}

function page(f: StatsForm, content: string): string {
  return pageLayout(
    '统计 · 信用透镜',
    `<p><a href="/">信用透镜 · 参考信用平台</a></p>
<h1>跟踪评估统计 <span class="muted">Statistics</span></h1>
<p>期间内的查询、核查结论、措施反馈和异议。管理员可查看全部部门，其他令牌只看本部门。<span class="muted">Admins see every department; other tokens their own.</span></p>
${form(f)}
${content}`,
  );
}

async function statsOf(ctx: PlatformContext, f: StatsForm): Promise<StatsResponse> {
  const caller = admit(ctx, await callerOf(ctx, `Bearer ${f.token ?? ''}`), 'viewer');
  const query = Object.fromEntries(Object.entries({ from: f.from, to: f.to, department: f.department }).filter(([, v]) => v));
  return await statsFor(ctx, caller, query);
}

/**
 * `/stats`: the statistics page (sections (二十八)-(三十)). The token is typed into the form and
 * posted, never put in a URL; `POST /stats.csv` downloads the same figures as CSV. No script.
 */
export function registerStatsPage(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/stats', async (_request, reply) => sendPage(reply, page({}, '')));
  registerFormPages(app, (scope) => {
    scope.post('/stats', async (request, reply) => {
      let f: StatsForm = {};
      try {
        f = readForm(request.body);
        return sendPage(reply, page(f, tables(await statsOf(ctx, f))));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return sendPage(reply, page(f, `<p class="red">${escapeHtml(`${error.status} ${error.message}`)}</p>`), error.status);
      }
    });
    scope.post('/stats.csv', async (request, reply) => {
      const stats = await statsOf(ctx, readForm(request.body));
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="creditlens-stats-${stats.from}-${stats.to}.csv"`)
        .send(statsToCsv(stats));
    });
  });
}
