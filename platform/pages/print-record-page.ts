import type { FastifyInstance } from 'fastify';
import { SignedCheckRecordSchema } from '../../core/api/check-record-schema.ts';
import { keyFingerprint } from '../../core/record/key-fingerprint.ts';
import { platformSubtle } from '../records/platform-subtle.ts';
import { verifyWithPlatformKeys } from '../records/verify-with-platform-keys.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { escapeHtml } from './escape-html.ts';
import { MAX_FORM_BYTES, registerFormPages } from './form-pages.ts';
import { pageLayout } from './page-layout.ts';
import { renderPrintRecord } from './render-print-record.ts';
import { sendPage } from './send-page.ts';

/** The signed record a print request carries: form field `record` (JSON text), or the JSON body itself. */
function recordFromBody(body: unknown): unknown {
  const field = (body as { record?: unknown } | null)?.record;
  if (typeof field !== 'string') return body;
  try {
    return JSON.parse(field);
  } catch {
    return undefined;
  }
}

const LOADER = pageLayout(
  '信用查询记录 · 打印',
  `<h1>信用查询记录 <span class="muted">Check record</span></h1>
<p id="loader-status" role="status">正在载入记录… <span class="muted">Loading the record…</span></p>
<noscript><p>此页面需要 JavaScript 才能读取链接中的记录；也可以在“记录验证”页面粘贴记录。This page needs JavaScript; or paste the record at <a href="/records/verify">/records/verify</a>.</p></noscript>
<form id="print-form" method="post" action="/records/print"><input type="hidden" name="record" id="print-record-field"></form>
<script src="/assets/print-loader.js"></script>`,
);

/**
 * `/records/print`: the print-ready record. `POST` renders it from form field `record` (or a JSON
 * body); `GET /records/print#<base64url of the JSON>` (or a `postMessage` from the opener) is the
 * client-side way in: a small script reads the record and posts it to the same page, so there is
 * one renderer and the record never appears in a URL the server sees. See platform/records/README.md.
 * `?lang=en` prints the English version (an English UI); the printout names this platform's verify
 * page for the record (`/records/verify?id=…`) in full and as a QR code.
 */
export function registerPrintRecordPage(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/records/print', async (_request, reply) => sendPage(reply, LOADER));
  registerFormPages(app, (scope) => {
    scope.post('/records/print', { bodyLimit: MAX_FORM_BYTES }, async (request, reply) => {
      const input = recordFromBody(request.body);
      const parsed = SignedCheckRecordSchema.safeParse(input);
      // The form field's text is verified as text: a record naming a key twice fails (core/record/parse-strict-json.ts).
      const field = (request.body as { record?: unknown } | null)?.record;
      const verification = await verifyWithPlatformKeys(ctx, typeof field === 'string' ? field : input);
      if (!parsed.success) {
        const body = `<h1>无法打印 <span class="muted">Cannot print</span></h1><p>${escapeHtml(verification.message)}</p><p><a href="/records/verify">记录验证 / Verify a record</a></p>`;
        return sendPage(reply, pageLayout('信用查询记录 · 无法打印', body), 400);
      }
      const fingerprint = await keyFingerprint(parsed.data.signature.value, platformSubtle);
      const locale = (request.query as { lang?: unknown } | null)?.lang === 'en' ? 'en' : 'zh-CN';
      const verifyUrl = `${request.protocol}://${request.host}/records/verify?id=${encodeURIComponent(parsed.data.record.recordId)}`;
      return sendPage(reply, renderPrintRecord(parsed.data, verification, fingerprint, { verifyUrl, locale }));
    });
  });
}
