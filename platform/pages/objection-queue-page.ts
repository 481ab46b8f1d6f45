import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { QueuedObjection } from '../../core/api/objection-schema.ts';
import { chinaDateTime } from '../../core/time/china-time.ts';
import { admit, callerOf } from '../auth/authorize.ts';
import { objectionQueue } from '../lists/objection-queue.ts';
import { ApiError } from '../server/api-error.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { escapeHtml } from './escape-html.ts';
import { registerFormPages } from './form-pages.ts';
import { pageLayout } from './page-layout.ts';
import { sendPage } from './send-page.ts';

const QueueFormSchema = z.strictObject({ token: z.optional(z.string().check(z.maxLength(4096))) });

/** An age as people say it: 3天5小时, 2小时, 刚刚. */
export function ageText(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  if (hours > 0) return `${hours}小时`;
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}分钟` : '刚刚';
}

const cell = (value: string | null) => `<td>${escapeHtml(value ?? '—')}</td>`;

function table(objections: readonly QueuedObjection[]): string {
  if (objections.length === 0) return '<p>没有待核实的异议。<span class="muted">No pending objections.</span></p>';
  const head = [
    '已等待 age',
    '提出时间 filed',
    '主体 subject',
    '名单 entry',
    '提出部门 department',
    '理由 reason',
    '联系方式 contact',
    '文书号/依据 reference',
    '编号 id',
  ];
  const rows = objections.map(
    (o) =>
      `<tr>${[
        ageText(o.ageSeconds),
        chinaDateTime(new Date(o.filedAt)),
        `${o.subjectName ?? ''} ${o.code}`,
        `${o.list === 'red' ? '红名单' : '黑名单'}：${o.category}（${o.entryState}）`,
        o.department,
        o.reason,
        o.contact,
        [o.documentNumber, o.reference].filter(Boolean).join('；') || null,
        o.id,
      ]
        .map(cell)
        .join('')}</tr>`,
  );
  return `<p>${objections.length} 件待核实，最早的已等待 ${escapeHtml(ageText(objections[0]!.ageSeconds))}。</p>
<table><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>${rows.join('\n')}</table>
<p class="muted">核实后以 <code>POST /api/v1/objections/{id}/resolve</code> 办结（成立：撤销并恢复信誉；不成立：恢复原状态）。</p>`;
}

function page(content: string): string {
  return pageLayout(
    '异议队列 · 信用透镜',
    `<p><a href="/">信用透镜 · 参考信用平台</a></p>
<h1>待核实异议 <span class="muted">Pending objections</span></h1>
<p>异议核实期间暂停惩戒措施（实施方案（二十七））：请尽快核实。仅管理员令牌可查看。<span class="muted">Admin token required.</span></p>
<form method="post" action="/admin/objections">
<label>管理员令牌 Admin token <input type="password" name="token" autocomplete="off" required></label>
<button type="submit">查看 / Show</button>
</form>
${content}`,
  );
}

/**
 * `/admin/objections`: the admin's queue of pending objections, oldest first, with their age. The
 * admin token is typed into the form and posted, never put in a URL (as on `/stats`). No script.
 */
export function registerObjectionQueuePage(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/admin/objections', async (_request, reply) => sendPage(reply, page('')));
  registerFormPages(app, (scope) => {
    scope.post('/admin/objections', async (request, reply) => {
      try {
        const form = QueueFormSchema.safeParse(request.body ?? {});
        if (!form.success) throw new ApiError(400, 'bad_request', '表单字段无效 / invalid form fields');
        admit(ctx, await callerOf(ctx, `Bearer ${form.data.token ?? ''}`), 'admin');
        return sendPage(reply, page(table(await objectionQueue(ctx.repos, 'pending'))));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return sendPage(reply, page(`<p class="red">${escapeHtml(`${error.status} ${error.message}`)}</p>`), error.status);
      }
    });
  });
}
