import { randomUUID } from 'node:crypto';
import type { CallerStatedField, CheckRecord, CheckRecordRequest, RecordItem } from '../../core/api/check-record-schema.ts';
import { isStatusErrorResult, type StatusErrorResult, type StatusResult } from '../../core/api/status-schema.ts';
import { compareNames } from '../../core/names/compare-names.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { applicableMeasures } from '../../core/verdict/applicable-measures.ts';
import { computeVerdict } from '../../core/verdict/compute-verdict.ts';
import { describeReason } from '../../core/verdict/verdict-labels.ts';
import type { Verdict } from '../../core/verdict/verdict-types.ts';
import type { PlatformContext } from '../server/platform-context.ts';

/** Who the record is issued to. */
export interface RecordIssuer {
  department: string;
  /** The operator named in the request (then marked caller-stated), else the token's label, else null. */
  operator: string | null;
}

/**
 * The unsigned check record for freshly looked-up codes: each code with its registered name, the
 * verdict (by core/verdict, as every client would compute it), the entries behind the verdict, the
 * measures of the catalogue for the context, and whether the page's name agrees with the
 * registered one. What came from the request alone — case reference, operator, source page, page
 * names — is listed in `callerStated`, so the signature is not read as the platform vouching for
 * it. Verdicts of the returned items are returned beside it for the audit log.
 */
export function buildCheckRecord(
  ctx: PlatformContext,
  request: CheckRecordRequest,
  results: readonly (StatusResult | StatusErrorResult)[],
  issuer: RecordIssuer,
  stamp: { asOf: string; dataVersion: number },
  now: Date,
): { record: CheckRecord; verdicts: Verdict[] } {
  const verdicts: Verdict[] = [];
  const items = results.map((result): RecordItem => {
    if (isStatusErrorResult(result)) return unavailableItem(result, request);
    // A code whose check character is wrong is never signed clear: unknown to the platform, it is `invalid` (suspect-not-found).
    const verdict = computeVerdict({
      result,
      now,
      freshnessMs: Number.POSITIVE_INFINITY,
      suspect: !result.invalid && parseUscc(result.code).validity === 'suspect',
    });
    verdicts.push(verdict);
    const code = result.invalid ? result.code : parseUscc(result.code).code;
    const pageName = request.pageNames?.[result.code] ?? request.pageNames?.[code] ?? null;
    const registeredName = result.subject?.name ?? null;
    const agreement = compareNames(pageName, registeredName);
    return {
      code,
      found: result.found,
      invalid: result.invalid,
      registeredName,
      pageName,
      nameMatches: agreement === 'unknown' ? null : agreement === 'match',
      verdict: verdict.kind,
      reason: describeReason(verdict, 'zh-CN'),
      entries: [...verdict.activeEntries, ...verdict.disputedEntries, ...verdict.watchEntries],
      measures: applicableMeasures(verdict, [...ctx.measures], request.context).map(({ measure, suspended }) => ({
        id: measure.id,
        item: measure.item,
        kind: measure.kind,
        basis: measure.basis,
        suspended,
      })),
    };
  });
  const callerStated: CallerStatedField[] = [];
  if (request.caseReference != null) callerStated.push('caseReference');
  if (request.projectName != null) callerStated.push('projectName');
  if (request.operator != null) callerStated.push('operator');
  if (request.source && (request.source.url !== null || request.source.title !== null)) callerStated.push('source');
  if (items.some((item) => item.pageName !== null)) callerStated.push('pageNames');
  if (request.set) callerStated.push('set');
  const record: CheckRecord = {
    version: 1,
    recordId: randomUUID(),
    platform: ctx.platformName,
    issuedAt: new Date().toISOString(),
    context: request.context,
    caseReference: request.caseReference ?? null,
    ...(request.projectName != null && { projectName: request.projectName }),
    operator: issuer.operator,
    department: issuer.department,
    source: request.source ?? { url: null, title: null },
    items,
    callerStated,
    ...(request.set && { set: request.set }),
    ...stamp,
  };
  return { record, verdicts };
}

/** A code the platform could not answer within the contract: unknown, with nothing claimed about it. */
function unavailableItem(result: StatusErrorResult, request: CheckRecordRequest): RecordItem {
  const code = parseUscc(result.code).code;
  return {
    code,
    found: false,
    invalid: false,
    registeredName: null,
    pageName: request.pageNames?.[result.code] ?? request.pageNames?.[code] ?? null,
    nameMatches: null,
    verdict: 'unknown',
    reason: `未能核查：${result.error.message}`,
    entries: [],
    measures: [],
  };
}
