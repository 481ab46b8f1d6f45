import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { LineSchema } from '../../core/api/scalars.ts';
import { SubjectDetailsSchema, type SubjectDetails } from '../../core/api/subject-details-schema.ts';
import { authorize } from '../auth/authorize.ts';
import { recordQuery } from '../audit/record-query.ts';
import { subjectDetails } from '../lists/subject-details.ts';
import { disclosureFor } from '../privacy/disclosure-for.ts';
import { parseRequest } from '../server/parse-request.ts';
import { ApiError } from '../server/api-error.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/** `?purpose=`: why the subject is looked up (kept in the audit log; a department sees ID numbers only with one). */
export const SubjectQuerySchema = z.strictObject({ purpose: z.optional(LineSchema) });

/**
 * `GET /api/v1/subjects/{code}?purpose=`: the subject, its entries and its history — signed-in
 * callers every entry (current and past), anonymous ones what is published now; personal data as
 * the caller's role allows (`disclosureFor`).
 */
export function registerSubjectRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get<{ Params: { code: string } }>('/api/v1/subjects/:code', async (request, reply) => {
    const caller = await authorize(request, ctx, 'read');
    const purpose = parseRequest(SubjectQuerySchema, request.query).purpose ?? null;
    const details: SubjectDetails | ApiError = await subjectDetails(ctx, request.params.code, disclosureFor(caller, purpose));
    await recordQuery(ctx, request, caller, 'subject', [details instanceof ApiError ? request.params.code.slice(0, 64) : details.subject.code], purpose);
    if (details instanceof ApiError) throw details;
    return sendValidated(reply, SubjectDetailsSchema, 200, details);
  });
}
