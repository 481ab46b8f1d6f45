import type { CallerStatedField, RecordItem, RecordVerification, SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import { glossary } from '../../core/present/glossary.ts';
import { VERDICT_STRENGTH } from '../../core/verdict/verdict-strength.ts';
import { verdictLabel, type VerdictLocale } from '../../core/verdict/verdict-labels.ts';
import { chinaTime } from './china-time.ts';
import { escapeHtml } from './escape-html.ts';
import { printRecordCss } from './print-record-css.ts';
import { printRecordWords, type PrintRecordWords } from './print-record-words.ts';
import { qrCodeSvg } from './qr-code-svg.ts';

/** Verdicts whose subjects get a detail entry after the compact table. */
const LISTED = new Set<RecordItem['verdict']>(['black', 'disputed', 'watch', 'red']);

export interface PrintRecordOptions {
  /** The full address of the verify page for this record (printed and as a QR code). */
  verifyUrl: string;
  locale?: VerdictLocale;
}

/** Whether a field holds what the caller stated: as the record says, or — for records from before `callerStated` — assumed so. */
function isStated(record: SignedCheckRecord['record'], field: CallerStatedField): boolean {
  return record.callerStated ? record.callerStated.includes(field) : field !== 'projectName';
}

const e = escapeHtml;

function summary(items: RecordItem[], w: PrintRecordWords, locale: VerdictLocale): string {
  const counts = VERDICT_STRENGTH.map((kind) => [kind, items.filter((i) => i.verdict === kind).length] as const).filter(([, n]) => n > 0);
  const mismatches = items.filter((i) => i.nameMatches === false).length;
  const cells = counts
    .map(([kind, n]) => {
      const label = verdictLabel(kind, locale);
      return `<td class="v-${kind}"><span class="sym" aria-hidden="true">${e(label.symbol)}</span> ${e(label.short)}<strong>${n}</strong></td>`;
    })
    .join('');
  return `<section class="summary" aria-label="${e(w.summary)}"><h2>${e(w.summary)}</h2>
<p class="total">${e(w.total(items.length))}${mismatches > 0 ? `；<span class="mismatch">${e(w.mismatches(mismatches))}</span>` : ''}</p>
<table class="counts"><tbody><tr>${cells}</tr></tbody></table></section>`;
}

function compactRow(item: RecordItem, index: number, detailNo: number | null, w: PrintRecordWords, locale: VerdictLocale): string {
  const label = verdictLabel(item.verdict, locale);
  const notes: string[] = [];
  if (item.nameMatches === false && item.pageName !== null) notes.push(`<span class="mismatch">${e(w.pageName(item.pageName))}</span>`);
  if (detailNo !== null) notes.push(e(w.seeDetails(detailNo)));
  const name = item.registeredName ?? (item.invalid ? w.invalidCode : glossary(locale).unnamed);
  return `<tr><td class="n">${index + 1}</td><td class="code">${e(item.code)}</td><td>${e(name)}</td><td class="v v-${item.verdict}">${e(`${label.symbol} ${label.short}`)}</td><td class="note">${notes.join('；')}</td></tr>`;
}

function detail(item: RecordItem, index: number, no: number, w: PrintRecordWords, locale: VerdictLocale): string {
  const g = glossary(locale);
  const label = verdictLabel(item.verdict, locale);
  const entries = item.entries.map(
    (x) => `${g.lists[x.list]}｜${x.category}｜${x.department}｜${x.listedOn}${w.until}${x.validUntil ?? w.openEnded}｜${g.entryStates[x.state]}`,
  );
  const measures = item.measures.map((m) => `${m.item}${m.suspended ? w.suspended : ''}`);
  // Inline, not bulleted: a listed subject takes a few lines, so a list of bidders stays a few pages.
  const inline = (lines: string[]) => (lines.length === 0 ? '—' : lines.map((l) => e(l)).join('；'));
  return `<div class="detail"><h3>${no}. ${e(item.registeredName ?? glossary(locale).unnamed)} <span class="code">${e(item.code)}</span> <span class="v-${item.verdict}">${e(`${label.symbol} ${label.short}`)}</span> <span class="muted">（${e(w.n)} ${index + 1}）</span></h3>
<p>${locale === 'zh-CN' ? `<b>${e(w.reason)}</b> ${e(item.reason)} ` : ''}<b>${e(w.entries)}</b> ${inline(entries)} <b>${e(w.measures)}</b> ${inline(measures)}</p></div>`;
}

/**
 * The print-ready check record (A4), laid out as a document to file: the signature's verdict,
 * project and query facts, a summary of counts, one compact row per subject, the details of listed
 * subjects after, operator and reviewer signature lines, and how to verify it (the full verify
 * URL and its QR code). Page numbers are CSS paged-media counters (第 X 页 共 Y 页). One language per
 * printout, Beijing time throughout, measures by name only. Every value from the record is
 * escaped; the record's JSON rides along in a textarea for the download buttons.
 */
export function renderPrintRecord(signed: SignedCheckRecord, verification: RecordVerification, fingerprint: string, options: PrintRecordOptions): string {
  const { record, signature } = signed;
  const locale = options.locale ?? 'zh-CN';
  const w = printRecordWords(locale);
  const stated = (field: CallerStatedField, value: string | null | undefined) =>
    value ? `${e(value)}${isStated(record, field) ? `<span class="muted">${e(w.stated)}</span>` : ''}` : `<span class="blank">${w.blank}</span>`;
  const source = [record.source.title, record.source.url].filter(Boolean).join(' ') || null;
  const meta: [string, string][] = [
    [w.projectName, stated('projectName', record.projectName)],
    [w.projectNumber, stated('caseReference', record.caseReference)],
    [w.context, e(glossary(locale).contexts[record.context])],
    [w.department, e(record.department)],
    [w.operator, record.operator ? stated('operator', record.operator) : '—'],
    [w.issuedAt, `${e(chinaTime(record.issuedAt))}${e(w.beijing)}`],
    [w.asOf, `${e(chinaTime(record.asOf))}${e(w.beijing)}`],
    [w.dataVersion, e(String(record.dataVersion))],
    [w.platform, e(record.platform)],
    ...(source ? ([[w.sourcePage, stated('source', source)]] as [string, string][]) : []),
    ...(record.set ? ([[w.recordSet, stated('set', w.setOf(record.set.id, record.set.platforms.length))]] as [string, string][]) : []),
  ];
  const metaRows: string[] = [];
  for (let i = 0; i < meta.length; i += 2) {
    const [a, b] = [meta[i]!, meta[i + 1]];
    const wide = i === 0 || (b === undefined && a[0] === w.sourcePage);
    metaRows.push(
      wide || !b
        ? `<tr><th>${e(a[0])}</th><td colspan="3">${a[1]}</td></tr>${wide && b ? `<tr><th>${e(b[0])}</th><td colspan="3">${b[1]}</td></tr>` : ''}`
        : `<tr><th>${e(a[0])}</th><td>${a[1]}</td><th>${e(b[0])}</th><td>${b[1]}</td></tr>`,
    );
  }
  // The note on what the caller stated, when the printout shows any of it.
  const anyStated =
    (['projectName', 'caseReference', 'operator'] as const).some((f) => record[f] && isStated(record, f)) ||
    (source !== null && isStated(record, 'source')) ||
    (record.items.some((i) => i.pageName !== null && i.nameMatches === false) && isStated(record, 'pageNames'));
  let detailNo = 0;
  const numbers = record.items.map((item) => (LISTED.has(item.verdict) ? ++detailNo : null));
  const details = record.items.flatMap((item, i) => (numbers[i] !== null ? [detail(item, i, numbers[i]!, w, locale)] : []));
  const status = verification.valid ? `<div class="status ok">${e(w.valid)}</div>` : `<div class="status bad">${e(w.invalid)} ${e(verification.message)}</div>`;
  const signLine = (who: string, name: string | null) =>
    `<div class="sign"><span>${e(who)}${e(w.sign)}：</span><span class="line">${name ? e(name) : ''}</span><span>${e(w.date)}：</span><span class="line short"></span></div>`;
  const body = `<div class="toolbar no-print">
<button type="button" id="print-record">${e(w.print)}</button>
<button type="button" id="download-json">${e(w.downloadJson)}</button>
<button type="button" id="download-csv">${e(w.downloadCsv)}</button>
<span id="download-status" class="muted" role="status"></span>
</div>
<header class="doc-head"><h1>${e(w.title)}</h1>
<p class="subtitle">${e(w.recordId)}：<span class="code">${e(record.recordId)}</span></p></header>
${status}
<table class="meta"><tbody>${metaRows.join('')}</tbody></table>
${summary(record.items, w, locale)}
<section aria-label="${e(w.items)}"><h2>${e(w.items)}</h2>
<table class="items"><thead><tr><th>${e(w.n)}</th><th>${e(w.code)}</th><th>${e(w.registeredName)}</th><th>${e(w.verdict)}</th><th>${e(w.note)}</th></tr></thead>
<tbody>${record.items.map((item, i) => compactRow(item, i, numbers[i]!, w, locale)).join('\n')}</tbody></table></section>
${details.length > 0 ? `<section class="details" aria-label="${e(w.details)}"><h2>${e(w.details)}</h2><div class="details-list">${details.join('\n')}</div></section>` : ''}
${anyStated ? `<p class="muted note-stated">${e(w.statedNote)}</p>` : ''}
<section class="signatures" aria-label="${e(w.signatures)}">${signLine(w.handler, record.operator)}${signLine(w.reviewer, null)}</section>
<footer class="record-footer">
<div class="verify-text"><h2>${e(w.verifyTitle)}</h2><p>${e(w.verifyText)}</p>
<p class="url" data-testid="verify-url">${e(options.verifyUrl)}</p>
<p>${e(w.keyId)}：<span class="code">${e(signature.keyId)}</span><br>${e(w.fingerprint)}：<span class="code">${e(fingerprint)}</span></p></div>
${qrCodeSvg(options.verifyUrl, 26, w.qrLabel)}
</footer>
<textarea id="record-json" hidden readonly>${e(JSON.stringify(signed))}</textarea>
<script src="/assets/print-record.js"></script>`;
  return `<!doctype html>
<html lang="${w.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${w.title} ${record.caseReference ?? record.recordId}`)}</title>
<style>${printRecordCss(w, record.recordId)}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
