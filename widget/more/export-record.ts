import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import type { CheckRecordSet } from '../../core/record/check-record-set-schema.ts';
import { recordFile } from '../../core/record/record-file.ts';

/**
 * A signed record as a file: the signed JSON (verifiable as is) or CSV for spreadsheets. A record
 * in parts (`recordSet()`) is one JSON file, as the extension saves it; each part is a signed
 * record of its own (`exportRecord(set.parts[i].signed, 'csv')` for a part's table).
 */
export function exportRecord(signed: SignedCheckRecord | CheckRecordSet, format: 'json' | 'csv'): Blob {
  if (format !== 'json' && format !== 'csv') throw new TypeError(`CreditLens.exportRecord: unknown format ${String(format)}`);
  if ('parts' in signed) {
    if (format !== 'json') throw new TypeError('CreditLens.exportRecord: a record in parts is saved as json; export a part for csv');
    return new Blob([JSON.stringify(signed, null, 2)], { type: 'application/json' });
  }
  return recordFile(signed, format).blob;
}
