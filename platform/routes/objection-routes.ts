import type { FastifyInstance } from 'fastify';
import { ObjectionRequestSchema, ObjectionResolutionSchema, ObjectionResponseSchema, type ObjectionRecord } from '../../core/api/objection-schema.ts';
import { authorize } from '../auth/authorize.ts';
import type { StoredObjection } from '../db/stored-records.ts';
import { fileObjection } from '../lists/file-objection.ts';
import { resolveObjection } from '../lists/resolve-objection.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

function toRecord(o: StoredObjection): ObjectionRecord {
  return { id: o.id, code: o.code, entryId: o.entryId, status: o.status, reason: o.reason, filedAt: o.filedAt, resolvedAt: o.resolvedAt, department: o.department };
}

/** `POST /api/v1/objections` (department) and `POST /api/v1/objections/{id}/resolve` (admin). */
export function registerObjectionRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/objections', async (request, reply) => {
    const caller = authorize(request, ctx, 'department');
    const body = parseRequest(ObjectionRequestSchema, request.body);
    const { objection, entry } = fileObjection(ctx.repos, body, caller.department ?? '');
    return sendValidated(reply, ObjectionResponseSchema, 201, { objection: toRecord(objection), entryState: entry.state, ...answerStamp(ctx) });
  });

  app.post<{ Params: { id: string } }>('/api/v1/objections/:id/resolve', async (request, reply) => {
    authorize(request, ctx, 'admin');
    const body = parseRequest(ObjectionResolutionSchema, request.body);
    const { objection, entry } = resolveObjection(ctx.repos, request.params.id, body);
    return sendValidated(reply, ObjectionResponseSchema, 200, { objection: toRecord(objection), entryState: entry.state, ...answerStamp(ctx) });
  });
}
