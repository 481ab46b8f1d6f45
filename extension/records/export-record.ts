/**
 * The signed check record out of the extension (from an extension page): a print-ready page on
 * the platform, the signed JSON (verifiable as is), CSV and Excel for spreadsheets (core/record).
 *
 * Printing opens `{platform}/records/print#<base64url of the JSON>` with `tabs.create`
 * (platform/records/README.md, way 2): the browser opens the tab even when the popup closes at
 * once, and the fragment never reaches a server. A record too large for a URL is posted in a
 * form instead (way 1).
 */
import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import type { CheckRecordSet } from '../../core/record/check-record-set-schema.ts';
import type { VerdictLocale } from '../../core/verdict/verdict-labels.ts';
import { bytesToBase64 } from '../../core/record/base64.ts';
import { postPrintForm } from '../../core/record/post-print-form.ts';
import { recordFile } from '../../core/record/record-file.ts';
import { recordTable } from '../../core/record/record-table.ts';
import { downloadBlob } from '../sheets/download-blob.ts';
import { tableToXlsx } from '../sheets/table-to-xlsx.ts';

/** Chromium allows 2 MB URLs; stay well below. */
const MAX_FRAGMENT_CHARS = 1_500_000;

/** The print page's URL for `signed` (the English printout for an English UI), or null when the record is too large for a URL. */
export function printUrl(signed: SignedCheckRecord, platformUrl: string, locale: VerdictLocale = 'zh-CN'): string | null {
  const base64 = bytesToBase64(new TextEncoder().encode(JSON.stringify(signed)));
  const fragment = base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  if (fragment.length > MAX_FRAGMENT_CHARS) return null;
  return `${platformUrl.replace(/\/+$/, '')}/records/print${locale === 'en' ? '?lang=en' : ''}#${fragment}`;
}

/** Opens the print page: by URL in a new tab, or by a posted form for a large record. */
export function openPrintView(
  signed: SignedCheckRecord,
  platformUrl: string,
  openTab: (url: string) => void,
  doc: Document = document,
  locale: VerdictLocale = 'zh-CN',
): void {
  const url = printUrl(signed, platformUrl, locale);
  if (url !== null) return openTab(url);
  postPrintForm(signed, platformUrl, doc);
}

/** Saves the record as a file: the signed JSON, CSV, or an Excel workbook with the CSV's columns. */
export async function downloadRecord(
  signed: SignedCheckRecord,
  format: 'json' | 'csv' | 'xlsx',
  doc: Document = document,
  locale: VerdictLocale = 'zh-CN',
): Promise<void> {
  if (format === 'xlsx') {
    const { header, rows } = recordTable(signed, locale);
    return downloadBlob(
      await tableToXlsx(locale === 'en' ? 'Credit check record' : '信用查询记录', header, rows),
      `信用查询记录-${signed.record.recordId}.xlsx`,
      doc,
    );
  }
  const { name, blob } = recordFile(signed, format);
  downloadBlob(blob, name, doc);
}

/** Saves a record in parts (several platforms) as one JSON file; each part verifies against its own platform's key. */
export function downloadRecordSet(set: CheckRecordSet, doc: Document = document): void {
  const blob = new Blob([JSON.stringify(set, null, 2)], { type: 'application/json' });
  downloadBlob(blob, `信用查询记录-${set.parts[0]!.signed.record.recordId}-分平台.json`, doc);
}
