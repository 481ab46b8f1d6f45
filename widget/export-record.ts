import type { SignedCheckRecord } from '../core/api/check-record-schema.ts';
import { recordToCsv } from '../core/record/record-to-csv.ts';

/** A signed record as a file: the signed JSON (verifiable as is) or CSV for spreadsheets. */
export function exportRecord(signed: SignedCheckRecord, format: 'json' | 'csv'): Blob {
  if (format === 'csv') return new Blob([recordToCsv(signed)], { type: 'text/csv;charset=utf-8' });
  if (format === 'json') return new Blob([JSON.stringify(signed, null, 2)], { type: 'application/json' });
  throw new TypeError(`CreditLens.exportRecord: unknown format ${String(format)}`);
}

/**
 * Opens the platform's print-ready page for a record (platform/records/README.md, way 1): a form
 * posted to `{platform}/records/print` in a new tab, so records of any size work and the record
 * never sits in a URL. Call it from a click handler, or the browser may block the new tab.
 */
export function openPrintView(signed: SignedCheckRecord, platform: string, doc: Document = document): void {
  const form = doc.createElement('form');
  form.method = 'post';
  form.action = `${platform.replace(/\/+$/, '')}/records/print`;
  form.target = '_blank';
  form.hidden = true;
  const field = doc.createElement('input');
  field.type = 'hidden';
  field.name = 'record';
  field.value = JSON.stringify(signed);
  form.append(field);
  doc.body.append(form);
  try {
    form.submit();
  } finally {
    form.remove();
  }
}
