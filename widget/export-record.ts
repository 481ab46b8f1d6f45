import type { SignedCheckRecord } from '../core/api/check-record-schema.ts';
import { postPrintForm } from '../core/record/post-print-form.ts';
import { recordFile } from '../core/record/record-file.ts';

/** A signed record as a file: the signed JSON (verifiable as is) or CSV for spreadsheets. */
export function exportRecord(signed: SignedCheckRecord, format: 'json' | 'csv'): Blob {
  if (format !== 'json' && format !== 'csv') throw new TypeError(`CreditLens.exportRecord: unknown format ${String(format)}`);
  return recordFile(signed, format).blob;
}

/** Opens the platform's print-ready page for a record (a posted form; see core/record/post-print-form.ts). */
export function openPrintView(signed: SignedCheckRecord, platform: string, doc: Document = document): void {
  postPrintForm(signed, platform, doc);
}
