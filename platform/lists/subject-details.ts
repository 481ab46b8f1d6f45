import type { SubjectDetails } from '../../core/api/subject-details-schema.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import type { Disclosure } from '../privacy/disclosure-for.ts';
import { ApiError } from '../server/api-error.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { toSubject, visibleEntries } from './to-list-entry.ts';

/**
 * A subject's details as a caller may see them (public scope: published entries in their
 * publication period and their history only; personal data as `disclosure` says), or the error to answer: 400 for a code that is not one, 404 for an unknown subject.
 */
export async function subjectDetails(ctx: PlatformContext, input: string, disclosure: Disclosure): Promise<SubjectDetails | ApiError> {
  const parsed = parseUscc(input.slice(0, 64));
  if (parsed.validity === 'invalid')
    return new ApiError(400, 'bad_request', 'not a valid unified social credit code', [{ path: 'code', message: parsed.reasons.join(', ') || 'invalid' }]);
  const subject = await ctx.repos.subjects.get(parsed.code);
  if (!subject) return new ApiError(404, 'not_found', 'the platform holds no subject with this code');
  const entries = await visibleEntries(ctx.repos, parsed.code, ctx.today(), disclosure);
  const ids = new Set(entries.map((e) => e.id));
  const history = (await ctx.repos.events.listByCode(parsed.code))
    .filter((e) => e.entryId === null || ids.has(e.entryId))
    .map((e) => ({ at: e.at, entryId: e.entryId, kind: e.kind, note: e.note }));
  return { subject: toSubject(subject, disclosure), entries, history, ...(await answerStamp(ctx)) };
}
