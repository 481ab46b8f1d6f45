import type { SignedCheckRecord } from '../api/check-record-schema.ts';
import { recordToCsv } from './record-to-csv.ts';

/** A signed record as a file to save: the signed JSON (verifiable as is) or CSV for spreadsheets. */
export function recordFile(signed: SignedCheckRecord, format: 'json' | 'csv'): { name: string; blob: Blob } {
  const stem = `信用查询记录-${signed.record.recordId}`;
  if (format === 'csv') return { name: `${stem}.csv`, blob: new Blob([recordToCsv(signed)], { type: 'text/csv;charset=utf-8' }) };
  if (format === 'json') return { name: `${stem}.json`, blob: new Blob([JSON.stringify(signed, null, 2)], { type: 'application/json' }) };
  throw new TypeError(`recordFile: unknown format ${String(format)}`);
}
