import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import { recordFile } from '../../core/record/record-file.ts';

/** A signed record as a file: the signed JSON (verifiable as is) or CSV for spreadsheets. */
export function exportRecord(signed: SignedCheckRecord, format: 'json' | 'csv'): Blob {
  if (format !== 'json' && format !== 'csv') throw new TypeError(`CreditLens.exportRecord: unknown format ${String(format)}`);
  return recordFile(signed, format).blob;
}
