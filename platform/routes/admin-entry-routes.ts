import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { ListEntrySchema, ListKindSchema, RelatedPersonSchema } from '../../core/api/list-entry-schema.ts';
import { AnswerStampShape, IsoDateSchema, LineSchema, TextSchema, UsccSchema } from '../../core/api/scalars.ts';
import { authorize } from '../auth/authorize.ts';
import { addEntry } from '../lists/add-entry.ts';
import { exitEntry } from '../lists/exit-entry.ts';
import { toListEntry } from '../lists/to-list-entry.ts';
import type { Disclosure } from '../privacy/disclosure-for.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

const NonEmptyLine = z.string().check(z.minLength(1), z.maxLength(500));
/** Admin answers carry everything. */
const FULL: Disclosure = { scope: 'full', names: 'full', idNumbers: 'full' };

/** `POST /api/v1/admin/entries`: lists a subject (registering it when new). */
export const AdminEntryRequestSchema = z.strictObject({
  code: UsccSchema,
  subjectName: z.optional(z.nullable(LineSchema)),
  legalRepresentative: z.optional(z.nullable(LineSchema)),
  list: ListKindSchema,
  category: NonEmptyLine,
  facts: TextSchema,
  legalBasis: TextSchema,
  documentNumber: z.optional(z.nullable(LineSchema)),
  department: z.optional(NonEmptyLine),
  listedOn: z.optional(IsoDateSchema),
  validUntil: z.optional(z.nullable(IsoDateSchema)),
  repairable: z.optional(z.boolean()),
  visibility: z.optional(z.enum(['public', 'internal'])),
  persons: z.optional(z.array(RelatedPersonSchema).check(z.maxLength(50))),
});

/**
 * `POST /api/v1/admin/entries/{id}/exit`: takes an entry off its list (the state machine's `exit`).
 * A black exit needs `monitoringUntil` unless its category's rule says otherwise.
 */
export const AdminExitRequestSchema = z.strictObject({
  reason: z.string().check(z.minLength(1), z.maxLength(2000)),
  date: z.optional(IsoDateSchema),
  department: z.optional(NonEmptyLine),
  monitoringUntil: z.optional(z.nullable(IsoDateSchema)),
});

/** Answer of both admin entry endpoints: the entry as an authenticated caller sees it. */
export const AdminEntryResponseSchema = z.strictObject({ entry: ListEntrySchema, ...AnswerStampShape });

/** Admin endpoints that let operators (and end-to-end tests) make a subject join or leave a list, through the entry state machine. */
export function registerAdminEntryRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/admin/entries', async (request, reply) => {
    const caller = await authorize(request, ctx, 'admin');
    const body = parseRequest(AdminEntryRequestSchema, request.body);
    const today = ctx.today();
    const entry = await addEntry(
      ctx.repos,
      { code: body.code, name: body.subjectName ?? null, regionCode: body.code.slice(2, 8), legalRepresentative: body.legalRepresentative ?? null },
      {
        code: body.code,
        list: body.list,
        category: body.category,
        facts: body.facts,
        legalBasis: body.legalBasis,
        documentNumber: body.documentNumber ?? null,
        department: body.department ?? caller.department ?? '',
        listedOn: body.listedOn ?? today,
        validUntil: body.validUntil ?? null,
        state: 'active',
        exitDate: null,
        exitReason: null,
        exitDepartment: null,
        repairable: body.repairable ?? true,
        monitoringUntil: null,
        visibility: body.visibility ?? 'public',
        persons: body.persons ?? [],
      },
    );
    return sendValidated(reply, AdminEntryResponseSchema, 201, { entry: await toListEntry(ctx.repos, entry, today, FULL), ...(await answerStamp(ctx)) });
  });

  app.post<{ Params: { id: string } }>('/api/v1/admin/entries/:id/exit', async (request, reply) => {
    const caller = await authorize(request, ctx, 'admin');
    const body = parseRequest(AdminExitRequestSchema, request.body);
    const today = ctx.today();
    const entry = await exitEntry(ctx.repos, request.params.id, {
      date: body.date ?? today,
      reason: body.reason,
      department: body.department ?? caller.department,
      monitoringUntil: body.monitoringUntil ?? null,
    });
    return sendValidated(reply, AdminEntryResponseSchema, 200, { entry: await toListEntry(ctx.repos, entry, today, FULL), ...(await answerStamp(ctx)) });
  });
}
