import type { FastifyInstance } from 'fastify';
import { SubjectDetailsSchema, type SubjectDetails } from '../../core/api/subject-details-schema.ts';
import { authorize } from '../auth/authorize.ts';
import { isAnonymous } from '../auth/caller.ts';
import { recordQuery } from '../audit/record-query.ts';
import { subjectDetails } from '../lists/subject-details.ts';
import { ApiError } from '../server/api-error.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/** `GET /api/v1/subjects/{code}`: the subject, every entry (current and past) and its history. */
export function registerSubjectRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get<{ Params: { code: string } }>('/api/v1/subjects/:code', async (request, reply) => {
    const caller = authorize(request, ctx, 'read');
    const details: SubjectDetails | ApiError = subjectDetails(ctx, request.params.code, isAnonymous(caller));
    recordQuery(ctx, request, caller, 'subject', [details instanceof ApiError ? request.params.code.slice(0, 64) : details.subject.code], null);
    if (details instanceof ApiError) throw details;
    return sendValidated(reply, SubjectDetailsSchema, 200, details);
  });
}
