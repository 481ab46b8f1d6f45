import { MAX_CODES_PER_STATUS_REQUEST } from '../../core/api/api-limits.ts';
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { CheckRecordRequest } from '../../core/api/check-record-schema.ts';
import { adjacentNameMemo, findAdjacentName } from '../../core/scan/find-adjacent-name.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import type { MoreHost } from '../contract/more-host.ts';
import { locateCodePlaces } from './locate-code.ts';

export interface RecordOptions {
  /** The codes to record; default every code found by scans and every `<credit-status>` in root. */
  codes?: readonly string[];
  /** Where codes and the names beside them are looked for; default `document`. */
  root?: Document | Element | null;
  caseReference?: string | null;
  operator?: string | null;
  context?: CheckContext;
  signal?: AbortSignal;
}

/**
 * What `CreditLens.record()` and `recordSet()` ask to be checked and signed: the page's codes
 * (or `codes`) with the names the page shows beside them (`pageNames`, found like the badge's
 * name check), so the record itself says whether name and code agree.
 */
export function pageRecordRequest(core: MoreHost, scannedCodes: () => string[], options: RecordOptions): CheckRecordRequest {
  const root = options.root ?? globalThis.document ?? null;
  const found = options.codes ?? [...scannedCodes(), ...(root ? [...root.querySelectorAll('credit-status')].map((el) => el.getAttribute('code') ?? '') : [])];
  const codes = [...new Set(found.map((c) => parseUscc(c).code).filter((c) => c.length > 0))];
  if (codes.length === 0) throw new RangeError('CreditLens.record: no codes to record');
  if (codes.length > MAX_CODES_PER_STATUS_REQUEST) throw new RangeError(`CreditLens.record: at most ${MAX_CODES_PER_STATUS_REQUEST} codes per record`);
  const pageNames: Record<string, string> = {};
  const places = root ? locateCodePlaces(root, codes) : new Map<string, Element | Range>();
  const memo = adjacentNameMemo();
  for (const code of codes) {
    const at = places.get(code) ?? null;
    const shown =
      (at && 'getAttribute' in at ? at.getAttribute('name')?.trim() : null) || (root && at ? findAdjacentName(root, at, memo) : null) || core.pageName(code);
    if (shown) pageNames[code] = shown.slice(0, 500);
  }
  const config = core.config();
  const doc = root && (root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument);
  return {
    codes,
    context: options.context ?? config.context,
    caseReference: (options.caseReference ?? core.caseReference()) || config.caseReference || null,
    operator: options.operator ?? config.operator,
    source: { url: doc?.location?.href?.slice(0, 2000) ?? null, title: doc?.title?.slice(0, 500) || null },
    pageNames,
  };
}
