import type { PrintRecordWords } from './print-record-words.ts';

/** CJK fonts in the order they are found on Linux, Windows and macOS. */
export const CJK_FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif';

/** A value for a CSS string: only what is safe inside double quotes. */
const cssString = (text: string) => text.replace(/["\\\n\r<>]/g, '');

/**
 * The printed record's style: A4 with the page number (第 X 页 共 Y 页) and the record id in the
 * page margins (CSS paged media, which Chromium prints), compact rows so fifty bidders take a page
 * or two, and table headers repeated on every page.
 */
export function printRecordCss(w: PrintRecordWords, recordId: string): string {
  const [before, middle, after] = w.page.map(cssString) as [string, string, string];
  return `
@page { size: A4; margin: 14mm 13mm 16mm;
  @bottom-center { content: "${before}" counter(page) "${middle}" counter(pages) "${after}"; font: 8.5pt ${CJK_FONT_STACK}; color: #333; }
  @bottom-left { content: "${cssString(w.recordId)} ${cssString(recordId)}"; font: 7pt ${CJK_FONT_STACK}; color: #555; } }
html { font-family: ${CJK_FONT_STACK}; font-size: 10pt; line-height: 1.45; color: #111; }
body { max-width: 186mm; margin: 1rem auto; padding: 0 .5rem; }
h1 { font-size: 17pt; text-align: center; letter-spacing: .3em; margin: .2rem 0 0; }
h2 { font-size: 11pt; margin: .7rem 0 .3rem; border-left: 3pt solid #111; padding-left: .4em; }
h3 { font-size: 9.5pt; margin: .4rem 0 .1rem; break-after: avoid; }
.subtitle { text-align: center; color: #333; font-size: 9pt; margin: 0 0 .5rem; }
table { border-collapse: collapse; width: 100%; } th, td { border: .5pt solid #444; padding: 1.5pt 4pt; vertical-align: top; text-align: left; }
thead { display: table-header-group; } tr { break-inside: avoid; }
th { background: #eee; font-weight: 600; }
.meta th { width: 15%; white-space: nowrap; } .meta td { width: 35%; }
.counts td { text-align: center; } .counts strong { display: block; font-size: 13pt; }
.total { margin: .2rem 0; }
.items { font-size: 8pt; line-height: 1.25; } .items td.n { text-align: center; width: 2.2em; } .items td.v { white-space: nowrap; } .items td.note { width: 30%; }
.code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; white-space: nowrap; }
.v-black { font-weight: 700; } .v-disputed, .v-watch { font-weight: 600; }
.mismatch { font-weight: 600; text-decoration: underline; } .muted { color: #444; font-size: 8pt; } .blank { color: #555; }
.details-list { column-count: 2; column-gap: 5mm; column-rule: .5pt solid #bbb; }
.detail { break-inside: avoid; font-size: 7.5pt; line-height: 1.35; border-bottom: .5pt dotted #888; padding-bottom: .15rem; margin-bottom: .15rem; }
.detail h3 { font-size: 8pt; margin: .1rem 0; } .detail p { margin: 0; } .detail b { font-weight: 600; }
.status { border: 1.2pt solid; padding: .3rem .6rem; margin: .4rem 0; font-size: 9pt; } .status.ok { border-color: #1a7f37; } .status.bad { border-color: #b42318; color: #b42318; font-weight: 600; }
.signatures { display: flex; gap: 2rem; margin: 1.2rem 0 .6rem; break-inside: avoid; } .sign { flex: 1; display: flex; align-items: flex-end; gap: .3rem; white-space: nowrap; }
.sign .line { flex: 1; border-bottom: .6pt solid #111; min-width: 5em; padding: 0 .3em; } .sign .line.short { flex: .6; }
.record-footer { display: flex; gap: 1rem; align-items: flex-start; border-top: .5pt solid #444; padding-top: .3rem; font-size: 8pt; break-inside: avoid; }
.record-footer h2 { font-size: 9pt; margin: 0 0 .2rem; } .record-footer p { margin: .15rem 0; } .verify-text { flex: 1; } .url { font-family: "DejaVu Sans Mono", Consolas, monospace; word-break: break-all; font-size: 8.5pt; }
.qr { flex: none; }
.toolbar { display: flex; gap: .5rem; margin: .5rem 0 1rem; } .toolbar button { font: inherit; padding: .3rem .8rem; }
@media print { .no-print { display: none !important; } body { margin: 0; max-width: none; padding: 0; } }`;
}
