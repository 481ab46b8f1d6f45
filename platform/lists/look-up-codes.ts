import type { StatusResult } from '../../core/api/status-schema.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { toSubject, visibleEntries } from './to-list-entry.ts';

/**
 * Answers codes as `POST /api/v1/status` does (and the check record, which must say the same):
 * normalized and checked locally first, invalid ones answered without a lookup, duplicates once,
 * entries limited to what the caller may see. `looked` lists the codes actually looked up, for
 * the audit log.
 */
export function lookUpCodes(
  ctx: PlatformContext,
  codes: readonly string[],
  anonymous: boolean,
  stamp: { asOf: string; dataVersion: number },
): { results: StatusResult[]; looked: string[] } {
  const today = ctx.today();
  const results: StatusResult[] = [];
  const seen = new Set<string>();
  const looked: string[] = [];
  for (const input of codes) {
    if (seen.has(input)) continue;
    seen.add(input);
    const parsed = parseUscc(input);
    if (parsed.validity === 'invalid') {
      results.push({ code: input, found: false, invalid: true, subject: null, entries: [], ...stamp });
      continue;
    }
    looked.push(parsed.code);
    const subject = ctx.repos.subjects.get(parsed.code);
    results.push({
      code: input,
      found: subject !== undefined,
      invalid: false,
      subject: subject ? toSubject(subject, anonymous) : null,
      entries: subject ? visibleEntries(ctx.repos, parsed.code, today, anonymous) : [],
      scope: anonymous ? 'public' : 'full',
      ...stamp,
    });
  }
  return { results, looked };
}
