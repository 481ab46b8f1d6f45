import type { FastifyInstance } from 'fastify';
import { HealthResponseSchema } from '../../core/api/health-schema.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/**
 * `GET /api/v1/health`: liveness, and whether anonymous reads are on. Reached only while the
 * database file is the one opened and writable: otherwise every request, this one included, is
 * 503 `unavailable` with the reason (server/guard-database-file.ts), so a monitor sees it.
 */
export function registerHealthRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/health', async (_request, reply) =>
    sendValidated(reply, HealthResponseSchema, 200, {
      status: 'ok',
      apiVersion: 'v1',
      platform: ctx.platformName,
      anonymousReads: ctx.anonymousReads,
      ...(await answerStamp(ctx)),
    }),
  );
}
