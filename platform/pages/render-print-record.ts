import type { CallerStatedField, RecordItem, RecordVerification, SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import { glossary } from '../../core/present/glossary.ts';
import { verdictLabel } from '../../core/verdict/verdict-labels.ts';
import { chinaTime } from './china-time.ts';
import { CONTEXT_LABELS } from './context-labels.ts';
import { escapeHtml } from './escape-html.ts';

const STATE = glossary('zh-CN').entryStates;

/** CJK fonts in the order they are found on Linux, Windows and macOS. */
export const CJK_FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif';

function printCss(fingerprint: string): string {
  // The fingerprint is hex digits and spaces computed here, so it is safe inside a CSS string.
  const safeFingerprint = fingerprint.replace(/[^0-9A-F ]/g, '');
  return `
@page { size: A4; margin: 16mm 14mm 20mm;
  @bottom-left { content: "签名指纹 ${safeFingerprint}"; font: 7.5pt ${CJK_FONT_STACK}; color: #555; }
  @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font: 8pt ${CJK_FONT_STACK}; color: #555; } }
html { font-family: ${CJK_FONT_STACK}; font-size: 10.5pt; line-height: 1.6; color: #111; }
body { max-width: 190mm; margin: 1rem auto; padding: 0 .5rem; }
h1 { font-size: 16pt; text-align: center; letter-spacing: .2em; margin: .5rem 0 0; }
.subtitle { text-align: center; color: #555; font-size: 9pt; margin: 0 0 .8rem; letter-spacing: 0; }
table { border-collapse: collapse; width: 100%; } th, td { border: .5pt solid #444; padding: 2pt 4pt; vertical-align: top; text-align: left; }
thead { display: table-header-group; } tr { break-inside: avoid; page-break-inside: avoid; }
th { background: #f0f0f0; font-weight: 600; } .meta th { width: 22%; } .meta { margin-bottom: .8rem; }
.items { font-size: 9pt; } .items td.n { text-align: center; width: 2.2em; } .code { font-family: "DejaVu Sans Mono", Consolas, monospace; word-break: break-all; font-size: 8.5pt; } .items td.code { white-space: nowrap; font-size: 8pt; } .items thead th { white-space: nowrap; } .items td:nth-child(4) { min-width: 4em; }
.v-black { font-weight: 700; } .v-disputed, .v-watch { font-weight: 600; } .reason { color: #444; font-size: 8pt; display: block; }
.mismatch { color: #b42318; font-weight: 600; } .muted { color: #555; font-size: 8.5pt; }
ul.cell { margin: 0; padding-left: 1em; }
.status { border: 1.5pt solid; padding: .4rem .6rem; margin: .6rem 0; } .status.ok { border-color: #1a7f37; } .status.bad { border-color: #b42318; color: #b42318; font-weight: 600; }
.record-footer { margin-top: 1rem; border-top: .5pt solid #444; padding-top: .4rem; font-size: 8.5pt; color: #333; }
.toolbar { display: flex; gap: .5rem; margin: .5rem 0 1rem; } .toolbar button { font: inherit; padding: .3rem .8rem; }
@media print { .no-print { display: none !important; } body { margin: 0; max-width: none; } }`;
}

function list(lines: string[]): string {
  return lines.length === 0 ? '—' : `<ul class="cell">${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
}

/** Said after a value the caller stated and the platform did not check. */
const STATED = '（调用方填写，平台未核实 stated by the caller, not checked by the platform）';

/** Whether a field holds what the caller stated: as the record says, or — for records from before `callerStated` — assumed so. */
function isStated(record: SignedCheckRecord['record'], field: CallerStatedField): boolean {
  return record.callerStated ? record.callerStated.includes(field) : true;
}

function itemRow(item: RecordItem, index: number): string {
  const label = verdictLabel(item.verdict, 'zh-CN');
  const pageName =
    item.pageName === null ? '—' : `${escapeHtml(item.pageName)}${item.nameMatches === false ? ' <span class="mismatch">（与登记名称不一致）</span>' : ''}`;
  const entries = item.entries.map(
    (e) => `${e.list === 'black' ? '黑名单' : '红名单'}｜${e.category}｜${e.department}｜${e.listedOn} 至 ${e.validUntil ?? '长期'}｜${STATE[e.state]}`,
  );
  const measures = item.measures.map((m) => `${m.id} ${m.item}${m.suspended ? '（暂停适用）' : ''}`);
  return `<tr><td class="n">${index + 1}</td><td class="code">${escapeHtml(item.code)}</td><td>${escapeHtml(item.registeredName ?? (item.invalid ? '（代码无效）' : glossary('zh-CN').unnamed))}</td>
<td>${pageName}</td><td class="v-${item.verdict}">${escapeHtml(`${label.symbol} ${label.short}`)}<span class="reason">${escapeHtml(item.reason)}</span></td><td>${list(entries)}</td><td>${list(measures)}</td></tr>`;
}

/**
 * The print-ready check record (A4): header with who, when and which data, one row per code, and
 * the signature's fingerprint and key in the page margins and the closing footer. Whether the
 * signature verifies is stated on the page, so a printout of a changed record says so. Every
 * value from the record is escaped; the record's JSON rides along in a textarea for the download
 * buttons.
 */
export function renderPrintRecord(signed: SignedCheckRecord, verification: RecordVerification, fingerprint: string): string {
  const { record, signature } = signed;
  const meta: [string, string][] = [
    ['查询人 Operator', record.operator === null ? '—' : `${record.operator}${isStated(record, 'operator') ? STATED : ''}`],
    ['部门 Department', record.department],
    ['查询时间 Issued at', `${chinaTime(record.issuedAt)}（北京时间）`],
    ['数据时间 Data as of', `${chinaTime(record.asOf)}（北京时间）`],
    ['数据版本 Data version', String(record.dataVersion)],
    ['业务编号 Case reference', record.caseReference === null ? '—' : `${record.caseReference}${isStated(record, 'caseReference') ? STATED : ''}`],
    ['核查场景 Context', CONTEXT_LABELS[record.context]],
    ['出具平台 Platform', record.platform],
    [
      '来源页面 Source page',
      [record.source.title, record.source.url].filter(Boolean).join(' ') +
        (record.source.title || record.source.url ? (isStated(record, 'source') ? STATED : '') : '—'),
    ],
  ];
  const status = verification.valid
    ? `<div class="status ok">✓ 签名有效：本记录与平台出具的内容一致。<span class="muted">Signature valid: this is exactly what the platform answered.</span></div>`
    : `<div class="status bad">✖ 签名无效，本打印件不能作为平台出具的记录。${escapeHtml(verification.message)}</div>`;
  const body = `<div class="toolbar no-print">
<button type="button" id="print-record">打印 / 保存为 PDF <span class="muted">Print / Save as PDF</span></button>
<button type="button" id="download-json">下载 JSON <span class="muted">Download JSON</span></button>
<button type="button" id="download-csv">下载 CSV <span class="muted">Download CSV</span></button>
<span id="download-status" class="muted" role="status"></span>
</div>
<h1>信用查询记录</h1>
<p class="subtitle">Credit check record · 记录编号 Record ${escapeHtml(record.recordId)}</p>
${status}
<table class="meta"><tbody>${meta.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>
<table class="items"><thead><tr><th>序号</th><th>统一社会信用代码</th><th>登记名称</th><th>页面名称</th><th>核查结论</th><th>有效条目</th><th>适用措施</th></tr></thead>
<tbody>${record.items.map(itemRow).join('\n')}</tbody></table>
${record.items.some((i) => i.pageName !== null) && isStated(record, 'pageNames') ? '<p class="muted">“页面名称”为调用方提供，平台未核实；“名称一致”只说明它与登记名称是否相同。 Page names were stated by the caller, not checked by the platform.</p>' : ''}
<footer class="record-footer">
<div>共 ${record.items.length} 个代码。签名算法 Ed25519，密钥 Key ID：${escapeHtml(signature.keyId)}</div>
<div>签名指纹 Signature fingerprint：<span class="code">${escapeHtml(fingerprint)}</span></div>
<div class="muted">本记录由信用平台签名；电子版（JSON）可在平台的“记录验证”页面（/records/verify）或用 <code>npm run cli -- verify</code> 验证。
The signed JSON can be verified at /records/verify on the platform or with the CLI.</div>
</footer>
<textarea id="record-json" hidden readonly>${escapeHtml(JSON.stringify(signed))}</textarea>
<script src="/assets/print-record.js"></script>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`信用查询记录 ${record.caseReference ?? record.recordId}`)}</title>
<style>${printCss(fingerprint)}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
