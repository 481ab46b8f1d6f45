import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import { CreditError } from '../../core/api/credit-error.ts';
import type { MoreHost } from '../contract/more-host.ts';
import { pageRecordRequest, type RecordOptions } from './page-record-request.ts';

/**
 * `CreditLens.record()`: asks the platform for a signed check record (信用查询记录) of the page's
 * codes (page-record-request.ts). One platform only: with `platforms` the record is in parts
 * (`recordSet()`, create-check-record-set.ts), so asking for one record is a mistake said at once.
 */
export async function createCheckRecord(core: MoreHost, scannedCodes: () => string[], options: RecordOptions = {}): Promise<SignedCheckRecord> {
  if (core.config().platforms) throw new TypeError('CreditLens.record: several platforms are configured; a record is in parts: use recordSet()');
  const client = core.client();
  if (!client) throw new CreditError('offline', 'CreditLens.record: no platform is configured');
  const request = pageRecordRequest(core, scannedCodes, options);
  return client.records(request, options.signal ? { signal: options.signal } : {});
}
