import { CreditError } from '../../core/api/credit-error.ts';
import { SINGLE_PLATFORM_ID, SINGLE_PLATFORM_NAME } from '../../core/platforms/platform-config-schema.ts';
import { checkRecordSet, type CheckRecordSet } from '../../core/record/check-record-set-schema.ts';
import { recordSetRequests } from '../../core/record/record-set-requests.ts';
import type { MoreHost } from '../contract/more-host.ts';
import type { RecordSigner } from '../contract/widget-platforms.ts';
import { pageRecordRequest, type RecordOptions } from './page-record-request.ts';
import { platformListOf } from './platform-list-of.ts';

/**
 * `CreditLens.recordSet()`: a check record in parts (issue 17) of the page's codes
 * (page-record-request.ts). Each configured platform checks and signs the codes it covers, all at
 * once, each part naming the same set (core/record/record-set-requests.ts); the set verifies part
 * by part with `cli verify --platform A --platform B`. A code no platform covers refuses the
 * record (`no-covering-platform`): no platform may sign "not listed" for it. With one `platform`
 * the set has one part.
 */
export async function createCheckRecordSet(core: MoreHost, scannedCodes: () => string[], options: RecordOptions = {}): Promise<CheckRecordSet> {
  const signers = recordSigners(core);
  const request = pageRecordRequest(core, scannedCodes, options);
  const { parts, uncovered } = recordSetRequests(
    request,
    signers.map((s) => ({ ...s.platform, signer: s })),
    crypto.randomUUID(),
  );
  if (uncovered.length > 0)
    throw new RangeError(`CreditLens.recordSet: no-covering-platform: no configured platform covers ${uncovered.slice(0, 5).join(', ')}`);
  const call = options.signal ? { signal: options.signal } : {};
  const signed = await Promise.all(parts.map(({ platform, request: part }) => platform.signer.client.records(part, call)));
  return checkRecordSet(
    parts.map(({ platform }, i) => ({ platformId: platform.id, platformName: platform.name, platformUrl: platform.url, signed: signed[i]! })),
  );
}

/** The configured platforms with their clients, or the single platform as one. */
function recordSigners(core: MoreHost): RecordSigner[] {
  const configured = core.config().platforms;
  if (configured) {
    const loaded = core.platforms();
    if (!loaded) {
      // Not in use: a list that is not one says what is wrong with it; else the platforms are still starting.
      platformListOf(configured);
      throw new CreditError('offline', 'CreditLens.recordSet: the platforms are not ready yet');
    }
    return loaded.signers;
  }
  const client = core.client();
  const url = core.config().platform;
  if (!client || !url) throw new CreditError('offline', 'CreditLens.recordSet: no platform is configured');
  return [{ platform: { id: SINGLE_PLATFORM_ID, name: SINGLE_PLATFORM_NAME, url, regions: ['all'] }, client }];
}
