import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { VERDICT_KINDS } from '../../core/api/check-record-schema.ts';
import { DEFAULT_FOLLOW_UP_WORKING_DAYS } from '../../core/api/follow-up-schema.ts';
import { verdictLabel } from '../../core/verdict/verdict-labels.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { DEFAULT_STATS_DAYS } from '../stats/stats-period.ts';
import { daysFrom } from '../time/days-from.ts';
import { escapeHtml } from './escape-html.ts';
import { pageLayout } from './page-layout.ts';
import { sendPage } from './send-page.ts';

/** ECharts' browser build, from node_modules (a pinned dependency), served as a file: the page CSP allows no inline or foreign script. */
const ECHARTS_FILE = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');

const STYLE = `<style>
body { max-width: 76rem; }
form.dash { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: 1rem 0; }
form.dash label { display: flex; flex-direction: column; font-size: .9rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: .5rem; margin: 1rem 0; }
.figures div { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem; }
.figures b { display: block; font-size: 1.4rem; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.chart { height: 320px; border: 1px solid #d0d7de; border-radius: 6px; break-inside: avoid; }
.chart.wide { grid-column: 1 / -1; }
.overdue { color: #b42318; font-weight: 600; }
#message:empty { display: none; }
@media print {
  form.dash, .actions, #message, #typical-status { display: none !important; }
  body { max-width: none; margin: 0; font-size: 10pt; }
  .charts { grid-template-columns: 1fr 1fr; }
  .chart { height: 260px; }
  table, .chart, .figures { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  @page { size: A4 landscape; margin: 12mm; }
}
</style>`;

function page(ctx: PlatformContext): string {
  const to = ctx.today();
  const from = daysFrom(to, -(DEFAULT_STATS_DAYS - 1));
  const labels = Object.fromEntries(VERDICT_KINDS.map((k) => [k, verdictLabel(k, 'zh-CN').short]));
  return pageLayout(
    '信用联合奖惩落实情况 · 信用透镜',
    `${STYLE}
<p><a href="/">信用透镜 · 参考信用平台</a></p>
<h1>信用联合奖惩落实情况 <span class="muted">Credit office dashboard</span></h1>
<p>各部门核查红黑名单、实施奖惩措施并反馈的情况（第二十四、二十八、三十条）。管理员（区信用办）可查看全部部门，部门令牌只看本部门。
<span class="muted">Admins see every department; other tokens see their own. The token stays in this tab (sessionStorage) and is sent as a bearer token.</span></p>
<form class="dash" id="dashboard-form">
<label>令牌 Token <input type="password" id="token" autocomplete="off" required></label>
<label>自 From <input type="date" id="from" value="${escapeHtml(from)}" required></label>
<label>至 To <input type="date" id="to" value="${escapeHtml(to)}" required></label>
<label>部门（仅管理员）Department <input id="department" maxlength="200"></label>
<label>反馈时限（工作日）Deadline <input type="number" id="working-days" min="1" max="60" value="${DEFAULT_FOLLOW_UP_WORKING_DAYS}" required></label>
<button type="submit">查看 / Show</button>
</form>
<p class="actions"><button type="button" id="export-xlsx">导出考核表 Excel</button> <button type="button" id="export-csv">导出考核表 CSV</button>
<button type="button" id="export-typical">导出典型案例（管理员）</button> <button type="button" id="print">打印 / Print</button></p>
<p id="message" class="red" role="alert"></p>
<section id="report" hidden data-verdict-labels="${escapeHtml(JSON.stringify(labels))}">
<h2 id="scope"></h2>
<p class="muted" id="calendar-note"></p>
<div class="figures" id="figures"></div>
<div class="charts">
<div class="chart wide" id="chart-daily" aria-label="每日查询与命中"></div>
<div class="chart" id="chart-verdicts" aria-label="核查结论构成"></div>
<div class="chart" id="chart-feedback" aria-label="各部门反馈率"></div>
</div>
<h2>部门考核排名 <span class="muted">League table</span></h2>
<table id="league"></table>
<h2>待反馈的命中 <span class="muted">Open and overdue hits</span></h2>
<table id="hits"></table>
<p class="muted" id="as-of"></p>
</section>
<section id="typical-cases" hidden>
<h2>典型案例 <span class="muted">Typical cases（第二十九条，管理员）</span></h2>
<form id="typical-form" class="dash">
<label>已反馈的命中 Feedback <select id="typical-feedback" required></select></label>
<label>类型 Kind <select id="typical-kind"><option value="punishment">失信惩戒</option><option value="incentive">守信激励</option></select></label>
<label>说明 Note <input id="typical-note" maxlength="2000" required></label>
<button type="submit">标为典型案例 / Mark</button>
</form>
<p id="typical-status" role="status"></p>
<table id="typical-list"></table>
</section>
<script src="/assets/echarts.min.js"></script>
<script src="/assets/dashboard.js"></script>
<script src="/assets/dashboard-typical-cases.js"></script>`,
  );
}

/**
 * `/dashboard`: the credit office's dashboard (issue 19). The page is a shell under the strict
 * CSP; scripts/dashboard.js reads the token typed in (kept in sessionStorage, never in a URL),
 * calls /api/v1/assessment and /api/v1/follow-up with it, and draws the charts with ECharts
 * (served from node_modules at /assets/echarts.min.js).
 */
export function registerDashboardPage(app: FastifyInstance, ctx: PlatformContext): void {
  const echarts = readFileSync(ECHARTS_FILE, 'utf8');
  const script = readFileSync(new URL('./scripts/dashboard.js', import.meta.url), 'utf8');
  const asset = (source: string) => async (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('Cache-Control', 'no-cache').type('text/javascript; charset=utf-8').send(source);
  app.get('/assets/echarts.min.js', asset(echarts));
  app.get('/assets/dashboard.js', asset(script));
  app.get('/assets/dashboard-typical-cases.js', asset(readFileSync(new URL('./scripts/dashboard-typical-cases.js', import.meta.url), 'utf8')));
  app.get('/dashboard', async (_request, reply) => sendPage(reply, page(ctx)));
}
