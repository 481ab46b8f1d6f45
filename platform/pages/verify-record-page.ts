import type { FastifyInstance } from 'fastify';
import type { RecordVerification } from '../../core/api/check-record-schema.ts';
import { keyFingerprint } from '../../core/record/key-fingerprint.ts';
import { platformSubtle } from '../records/platform-subtle.ts';
import { verifyWithPlatformKeys } from '../records/verify-with-platform-keys.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { chinaTime } from './china-time.ts';
import { escapeHtml } from './escape-html.ts';
import { MAX_FORM_BYTES, registerFormPages } from './form-pages.ts';
import { pageLayout } from './page-layout.ts';
import { sendPage } from './send-page.ts';

function resultHtml(v: RecordVerification, fingerprint: string | null): string {
  const rows: [string, string][] = [
    ['记录编号 Record ID', v.recordId ?? '—'],
    ['出具时间 Issued at', v.issuedAt ? `${chinaTime(v.issuedAt)}（北京时间）` : '—'],
    ['密钥 Key ID', v.keyId ?? '—'],
    ['签名指纹 Signature fingerprint', fingerprint ?? '—'],
  ];
  return `<h2 class="${v.valid ? '' : 'red'}">${v.valid ? '✓ 签名有效 <span class="muted">Valid</span>' : '✖ 验证未通过 <span class="muted">Not valid</span>'}</h2>
<p>${escapeHtml(v.message)}</p>
<table>${rows.map(([k, val]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(val)}</td></tr>`).join('')}</table>`;
}

async function page(ctx: PlatformContext, recordText: string, result: string, expectedId: string | null = null): Promise<string> {
  const expected = expectedId
    ? `<p data-testid="expected-record">待验证记录编号：<span class="code">${escapeHtml(expectedId)}</span>。请选择这份记录的电子版（JSON 文件）。 <span class="muted">Choose the electronic copy (JSON) of this record.</span></p>`
    : '';
  return pageLayout(
    '记录验证 · 信用透镜',
    `<p><a href="/">信用透镜 · 参考信用平台</a></p>
<h1>信用查询记录验证 <span class="muted">Verify a check record</span></h1>
${expected}
<p>粘贴或选择保存的记录（JSON），平台用签名所用的公开密钥核对签名（当前密钥 <a href="/.well-known/creditlens-record-key">${escapeHtml((await ctx.repos.signingKeys.current())?.keyId ?? '—')}</a>；更换密钥前签出的记录用<a href="/.well-known/creditlens-record-keys">原来的密钥</a>核对）。任何改动都会使验证失败。
<span class="muted">Paste or choose a saved record (JSON); the platform checks its signature with the public key it was signed with (also keys retired since). Any change makes it fail.</span></p>
<form id="verify-form" method="post" action="/records/verify">
<p><label>选择文件 Choose a file <input type="file" id="record-file" accept=".json,application/json"></label></p>
<p><label for="record-text">记录 JSON / Record JSON</label><br>
<textarea id="record-text" name="record" rows="12" style="width:100%;font-family:monospace" required>${escapeHtml(recordText)}</textarea></p>
<p><button type="submit">验证 / Verify</button> <button type="submit" formaction="/records/print" formtarget="_blank">打印 / Print</button></p>
</form>
<div id="verify-result" role="status" aria-live="polite">${result}</div>
<script src="/assets/verify-record.js"></script>`,
  );
}

/**
 * `/records/verify`: paste or choose a saved record and see whether it is exactly what the platform
 * answered. With JavaScript the page asks `POST /api/v1/records/verify` and shows the answer in
 * place; without, the form posts here and the result is rendered on the server.
 */
export function registerVerifyRecordPage(app: FastifyInstance, ctx: PlatformContext): void {
  // `?id=` comes from a printout's QR code: the page names the record to choose.
  app.get('/records/verify', async (request, reply) => {
    const id = (request.query as { id?: unknown } | null)?.id;
    return sendPage(reply, await page(ctx, '', '', typeof id === 'string' && id.length <= 100 ? id : null));
  });
  registerFormPages(app, (scope) => {
    scope.post('/records/verify', { bodyLimit: MAX_FORM_BYTES }, async (request, reply) => {
      const text = String((request.body as { record?: unknown } | null)?.record ?? '');
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        input = undefined;
      }
      const verification = await verifyWithPlatformKeys(ctx, text);
      const signatureValue = (input as { signature?: { value?: unknown } } | undefined)?.signature?.value;
      const fingerprint =
        verification.reason !== 'malformed' && typeof signatureValue === 'string' ? await keyFingerprint(signatureValue, platformSubtle) : null;
      return sendPage(reply, await page(ctx, text, resultHtml(verification, fingerprint)));
    });
  });
}
