import type { FastifyInstance } from 'fastify';
import {
  ObjectionQueueQuerySchema,
  ObjectionQueueResponseSchema,
  ObjectionRequestSchema,
  ObjectionResolutionSchema,
  ObjectionResponseSchema,
} from '../../core/api/objection-schema.ts';
import { recordQuery } from '../audit/record-query.ts';
import { authorize } from '../auth/authorize.ts';
import { fileObjection } from '../lists/file-objection.ts';
import { objectionQueue } from '../lists/objection-queue.ts';
import { objectionRecord } from '../lists/objection-record.ts';
import { resolveObjection } from '../lists/resolve-objection.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/**
 * `POST /api/v1/objections` (department), `POST /api/v1/objections/{id}/resolve` (admin) and the
 * admin's queue `GET /api/v1/admin/objections?status=pending`. Every objection and resolution is
 * written to the audit log (endpoint `objection` / `objection-resolve`, the objection's id as purpose).
 */
export function registerObjectionRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/objections', async (request, reply) => {
    const caller = await authorize(request, ctx, 'department');
    const body = parseRequest(ObjectionRequestSchema, request.body);
    const { objection, entry } = await fileObjection(ctx.repos, body, caller.department ?? '');
    await recordQuery(ctx, request, caller, 'objection', [objection.code], `filed ${objection.id} on ${objection.entryId}`);
    return sendValidated(reply, ObjectionResponseSchema, 201, { objection: objectionRecord(objection), entryState: entry.state, ...(await answerStamp(ctx)) });
  });

  app.post<{ Params: { id: string } }>('/api/v1/objections/:id/resolve', async (request, reply) => {
    const caller = await authorize(request, ctx, 'admin');
    const body = parseRequest(ObjectionResolutionSchema, request.body);
    const { objection, entry } = await resolveObjection(ctx.repos, request.params.id, body);
    await recordQuery(ctx, request, caller, 'objection-resolve', [objection.code], `${objection.status} ${objection.id}`);
    return sendValidated(reply, ObjectionResponseSchema, 200, { objection: objectionRecord(objection), entryState: entry.state, ...(await answerStamp(ctx)) });
  });

  app.get('/api/v1/admin/objections', async (request, reply) => {
    await authorize(request, ctx, 'admin');
    const query = parseRequest(ObjectionQueueQuerySchema, request.query);
    return sendValidated(reply, ObjectionQueueResponseSchema, 200, {
      objections: await objectionQueue(ctx.repos, query.status ?? 'pending'),
      ...(await answerStamp(ctx)),
    });
  });
}
