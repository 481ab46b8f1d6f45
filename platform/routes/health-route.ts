import type { FastifyInstance } from 'fastify';
import { HealthResponseSchema } from '../../core/api/health-schema.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/** `GET /api/v1/health`: liveness, and whether anonymous reads are on. */
export function registerHealthRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/health', async (_request, reply) =>
    sendValidated(reply, HealthResponseSchema, 200, {
      status: 'ok',
      apiVersion: 'v1',
      platform: ctx.platformName,
      anonymousReads: ctx.anonymousReads,
      ...answerStamp(ctx),
    }),
  );
}
