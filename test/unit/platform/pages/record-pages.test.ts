import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedCheckRecord } from '../../../../core/api/check-record-schema.ts';
import { keyFingerprint } from '../../../../core/record/key-fingerprint.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

const HOSTILE = '<script>alert("x")</script>';
let platform: RunningPlatform;
let signed: SignedCheckRecord;

beforeAll(async () => {
  platform = await startTestPlatform();
  const res = await call(platform, 'POST', '/api/v1/records', {
    token: platform.tokens.department,
    body: {
      codes: [fixtureCode('black'), fixtureCode('disputed'), 'not-a-code'],
      context: 'procurement',
      operator: HOSTILE,
      caseReference: 'CG-<b>1</b>',
      pageNames: { [fixtureCode('black')]: '<img src=x onerror=alert(1)>' },
    },
  });
  expect(res.status).toBe(201);
  signed = res.json;
});
afterAll(() => platform.close());

const form = (fields: Record<string, string>) => ({
  raw: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** True when no script runs inline: every <script> loads a file of the platform. */
const scriptsAreFiles = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].every(([, attrs, content]) => /src="\/assets\/[a-z-]+\.js"/.test(attrs!) && content === '');

describe('POST /records/print', () => {
  it('renders the record as a document to file: A4, CJK fonts, page numbers, summary, compact rows, details, signature lines, verify URL and QR code', async () => {
    const res = await call(platform, 'POST', '/records/print', form({ record: JSON.stringify(signed) }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = res.text;
    expect(html).toContain('size: A4');
    expect(html).toMatch(/@bottom-center \{ content: "第 " counter\(page\) " 页 共 " counter\(pages\) " 页"/);
    expect(html).toContain('"Noto Sans CJK SC"');
    expect(html).toContain('"Microsoft YaHei"');
    for (const head of ['序号', '统一社会信用代码', '登记名称', '核查结论', '说明', '项目名称', '项目编号', '查询部门'])
      expect(html).toContain(`<th>${head}</th>`);
    expect(html).toContain('核查结果汇总');
    expect(html).toContain(`共核查 ${signed.record.items.length} 个统一社会信用代码`);
    expect(html).toContain('区市场监管局');
    expect(html).toContain(`<td>${signed.record.dataVersion}</td>`);
    expect(html).toContain('武汉市汉阳区德信园林绿化股份有限公司');
    expect(html).toContain('与登记名称不一致');
    expect(html).toContain('限制参与公共资源交易');
    // What is printed (the record's JSON for the download buttons rides along in a hidden textarea).
    const shown = html.slice(0, html.indexOf('<textarea id="record-json"'));
    expect(shown).not.toContain('P15-3');
    expect(html).toContain('（暂停适用）');
    expect(html).toContain('经办人（签字）');
    expect(html).toContain('复核人（签字）');
    expect(html).toMatch(new RegExp(`http://[^<]+/records/verify\\?id=${signed.record.recordId}`));
    expect(html).toMatch(/<svg class="qr"[^>]*><rect[^>]*\/><path d="M[\d hvz.M-]+" fill="#000"\/><\/svg>/);
    expect(shown).not.toContain('npm run');
    expect(shown).not.toMatch(/Operator|Department|Check record|\d{4}-\d\d-\d\dT\d\d:/);
    const fingerprint = await keyFingerprint(signed.signature.value, crypto.subtle);
    expect(html).toContain(fingerprint);
    expect(html).toContain(signed.signature.keyId);
    expect(html).toContain('签名有效');
    expect(scriptsAreFiles(html)).toBe(true);
  });

  it('prints the English version for an English UI (?lang=en), in one language', async () => {
    const html = (await call(platform, 'POST', '/records/print?lang=en', form({ record: JSON.stringify(signed) }))).text;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Handled by (signature)');
    expect(html).toMatch(/content: "Page " counter\(page\) " of " counter\(pages\)/);
    expect(html).not.toContain('经办人');
  });

  it('escapes every value of the record, also in the JSON it carries for downloads', async () => {
    const html = (await call(platform, 'POST', '/records/print', form({ record: JSON.stringify(signed) }))).text;
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>1</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('CG-&lt;b&gt;1&lt;/b&gt;');
  });

  it('accepts the signed record as a JSON body too, and says so on the page when the record was changed', async () => {
    const tampered = structuredClone(signed);
    tampered.record.items[0]!.verdict = 'clear';
    const res = await call(platform, 'POST', '/records/print', { body: tampered });
    expect(res.status).toBe(200);
    expect(res.text).toContain('签名无效，本打印件不能作为平台出具的记录');
    expect(res.text).toContain('记录内容已被修改');
  });

  it('answers 400 with a readable page for something that is not a record', async () => {
    const res = await call(platform, 'POST', '/records/print', form({ record: '{"nope":true}' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('无法打印');
    expect((await call(platform, 'POST', '/records/print', form({ record: 'not json' }))).status).toBe(400);
  });

  it('serves the client-side loader at GET /records/print and its scripts as files', async () => {
    const res = await call(platform, 'GET', '/records/print');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<script src="/assets/print-loader.js"></script>');
    expect(scriptsAreFiles(res.text)).toBe(true);
    for (const name of ['print-loader.js', 'print-record.js', 'verify-record.js']) {
      const js = await call(platform, 'GET', `/assets/${name}`);
      expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    }
    expect((await call(platform, 'GET', '/assets/print-loader.js')).text).toContain('location.hash');
  });

  it('keeps answering form bodies to the API with 415', async () => {
    const res = await call(platform, 'POST', '/api/v1/records', form({ codes: 'x' }));
    expect(res.status).toBe(415);
  });
});

describe('/records/verify', () => {
  it('renders the form under the strict CSP', async () => {
    const res = await call(platform, 'GET', '/records/verify');
    expect(res.status).toBe(200);
    expect(res.text).toContain('type="file"');
    expect(res.text).toContain('<script src="/assets/verify-record.js"></script>');
    expect(scriptsAreFiles(res.text)).toBe(true);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('verifies a posted record without JavaScript: valid, record id, issued at, fingerprint', async () => {
    const res = await call(platform, 'POST', '/records/verify', form({ record: JSON.stringify(signed) }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('✓ 签名有效');
    expect(res.text).toContain(signed.record.recordId);
    expect(res.text).toContain(signed.record.issuedAt);
    expect(res.text).toContain(await keyFingerprint(signed.signature.value, crypto.subtle));
    expect(res.text).not.toContain(HOSTILE);
  });

  it('shows the clear failure message for a changed record', async () => {
    const text = JSON.stringify(signed).replace('德信园林', '德信园艺');
    const res = await call(platform, 'POST', '/records/verify', form({ record: text }));
    expect(res.text).toContain('✖ 验证未通过');
    expect(res.text).toContain('签名验证失败：记录内容已被修改');
  });
});

describe('/stats', () => {
  it('renders the form, and the figures for a posted token with department names escaped', async () => {
    expect((await call(platform, 'GET', '/stats')).status).toBe(200);
    const issued = await call(platform, 'POST', '/api/v1/admin/tokens', { token: platform.tokens.admin, body: { department: HOSTILE, role: 'viewer' } });
    await call(platform, 'POST', '/api/v1/status', { token: issued.json.token, body: { codes: [fixtureCode('red')] } });
    const res = await call(platform, 'POST', '/stats', form({ token: platform.tokens.admin }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h2>核查结论');
    expect(res.text).toContain('<td>区市场监管局</td>');
    expect(res.text).not.toContain(HOSTILE);
    expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(scriptsAreFiles(res.text)).toBe(true);
  });

  it('refuses a wrong token on the page, and exports CSV with a right one', async () => {
    const wrong = await call(platform, 'POST', '/stats', form({ token: 'wrong-token-123' }));
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('401');
    const csv = await call(platform, 'POST', '/stats.csv', form({ token: platform.tokens.department }));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('范围 scope,部门 department,区市场监管局');
  });

  it.each([[{ token: 5 }], [{ from: 123 }], [{ from: {} }], [{ token: 'x', extra: 'y' }]])('answers a malformed body %j with 400, never 500', async (body) => {
    for (const path of ['/stats', '/stats.csv']) {
      const res = await call(platform, 'POST', path, { body });
      expect(res.status, path).toBe(400);
    }
  });
});
