import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../server/platform-context.ts';
import { escapeHtml } from './escape-html.ts';
import { pageLayout } from './page-layout.ts';

/** `GET /`: a small bilingual index linking the API health, the demo pages and a subject lookup. */
export function registerIndexPage(app: FastifyInstance, ctx: PlatformContext, staticPrefixes: readonly string[]): void {
  app.get('/', async (_request, reply) => {
    const statics = staticPrefixes.map((p) => `<li><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></li>`).join('');
    const body = `
<h1>信用透镜 · 参考信用平台 <span class="muted">CreditLens reference credit platform</span></h1>
<p>汉阳区守信联合激励和失信联合惩戒红黑名单查询接口（演示）。Red/black credit lists of Hanyang District, Wuhan — demo data.</p>
<ul>
<li><a href="/api/v1/health">API 健康检查 / health</a> — <code>GET /api/v1/health</code></li>
<li><a href="/api/v1/measures">联合奖惩措施清单 / measures catalogue</a> — <code>GET /api/v1/measures</code></li>
<li><a href="/api/v1/changes">名单变更 / changes feed</a> — <code>GET /api/v1/changes?since=0</code></li>
<li><a href="/records/verify">信用查询记录验证 / verify a check record</a> — <code>POST /api/v1/records/verify</code></li>
<li><a href="/stats">跟踪评估统计 / statistics</a> — <code>GET /api/v1/stats</code></li>
<li><a href="/dashboard">信用联合奖惩落实情况 / credit office dashboard</a> — <code>GET /api/v1/assessment</code>, <code>GET /api/v1/follow-up</code></li>
<li><a href="/admin/objections">待核实异议 / pending objections</a>（管理员 / admin） — <code>GET /api/v1/admin/objections</code></li>
${statics}
</ul>
<h2>主体查询 / Subject lookup</h2>
<form action="/subjects/lookup" method="get">
<label>统一社会信用代码 / USCC <input name="code" maxlength="64" size="24" required></label>
<button type="submit">查询 / Look up</button>
</form>
<p class="muted">匿名查询${ctx.anonymousReads ? '已开启：仅显示公开信息，个人信息已脱敏' : '已关闭：需要部门令牌'}。Anonymous reads are ${ctx.anonymousReads ? 'on (public, masked data only)' : 'off'}.</p>`;
    return reply.type('text/html; charset=utf-8').send(pageLayout('信用透镜 CreditLens', body));
  });
}
