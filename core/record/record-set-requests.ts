import type { CheckRecordRequest } from '../api/check-record-schema.ts';
import type { PlatformConfig } from '../platforms/platform-config-schema.ts';
import { recordParts } from '../platforms/record-parts.ts';

/** What each platform is asked to sign for a record in parts, and the codes none may sign. */
export interface RecordSetRequests<P> {
  parts: { platform: P; request: CheckRecordRequest }[];
  /** Codes no configured platform covers: the caller refuses the record (`no-covering-platform`). */
  uncovered: string[];
}

/**
 * A check record in parts (issue 17), as requests: each platform is asked for the codes it covers
 * (core/platforms record-parts.ts) with their page names, and every part names the same `set` —
 * its id, every signing platform's URL and every code — so none can be dropped or swapped unseen
 * (core/record/judge-record-set.ts). Pure: the set's id is passed in.
 */
export function recordSetRequests<P extends Pick<PlatformConfig, 'regions' | 'url'>>(
  request: CheckRecordRequest,
  platforms: readonly P[],
  setId: string,
): RecordSetRequests<P> {
  const planned = recordParts(request.codes, platforms);
  const signed = new Set(planned.flatMap((part) => part.codes));
  const set = { id: setId, platforms: planned.map((part) => part.platform.url), codes: request.codes };
  return {
    uncovered: request.codes.filter((code) => !signed.has(code)),
    parts: planned.map(({ platform, codes }) => {
      const names = request.pageNames && Object.fromEntries(Object.entries(request.pageNames).filter(([code]) => codes.includes(code)));
      return { platform, request: { ...request, codes, ...(names && { pageNames: names }), set } };
    }),
  };
}
