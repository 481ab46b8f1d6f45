import type { FastifyInstance } from 'fastify';
import { RepairDecisionSchema } from '../../core/api/repair-decision-schema.ts';
import { RepairRequestSchema } from '../../core/api/repair-request-schema.ts';
import { RepairResponseSchema, type RepairRecord } from '../../core/api/repair-response-schema.ts';
import { recordQuery } from '../audit/record-query.ts';
import { authorize } from '../auth/authorize.ts';
import type { StoredRepair } from '../db/stored-records.ts';
import { decideRepair } from '../lists/decide-repair.ts';
import { fileRepair } from '../lists/file-repair.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

function toRecord(r: StoredRepair): RepairRecord {
  return {
    id: r.id,
    code: r.code,
    entryId: r.entryId,
    status: r.status,
    materials: r.materials,
    reference: r.reference,
    department: r.department,
    filedAt: r.filedAt,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
  };
}

/**
 * Credit repair (信用修复, section (二十六)): `POST /api/v1/repairs` (department) files an
 * application on a repairable black entry; `POST /api/v1/repairs/{id}/decide` (the identifying
 * department, or admin) approves it — the entry exits into monitoring — or refuses it. Both are
 * written to the audit log.
 */
export function registerRepairRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/repairs', async (request, reply) => {
    const caller = await authorize(request, ctx, 'department');
    const body = parseRequest(RepairRequestSchema, request.body);
    const { repair, entry } = await fileRepair(ctx.repos, body, caller.department ?? '', ctx.today());
    await recordQuery(ctx, request, caller, 'repair', [repair.code], `filed ${repair.id} on ${repair.entryId}`);
    return sendValidated(reply, RepairResponseSchema, 201, { repair: toRecord(repair), entryState: entry.state, ...(await answerStamp(ctx)) });
  });

  app.post<{ Params: { id: string } }>('/api/v1/repairs/:id/decide', async (request, reply) => {
    const caller = await authorize(request, ctx, 'department');
    const body = parseRequest(RepairDecisionSchema, request.body);
    const decider = { department: caller.department, admin: caller.role === 'admin' };
    const { repair, entry } = await decideRepair(ctx.repos, request.params.id, body, decider, ctx.today());
    await recordQuery(ctx, request, caller, 'repair-decide', [repair.code], `${repair.status} ${repair.id}`);
    return sendValidated(reply, RepairResponseSchema, 200, { repair: toRecord(repair), entryState: entry.state, ...(await answerStamp(ctx)) });
  });
}
