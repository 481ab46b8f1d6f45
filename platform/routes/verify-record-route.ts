import type { FastifyInstance } from 'fastify';
import { RecordVerificationSchema } from '../../core/api/check-record-schema.ts';
import { MAX_RECORD_BYTES } from '../../core/api/record-limits.ts';
import { registerRecordTextRoutes } from '../records/register-record-text-routes.ts';
import { verifyWithPlatformKeys } from '../records/verify-with-platform-keys.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/**
 * `POST /api/v1/records/verify`: the platform's judgement of a saved record. No token; a body up
 * to MAX_RECORD_BYTES (a 500-code record is larger than the usual 64 KiB), read as text so a
 * record with a duplicate key fails. An invalid record — not JSON included — is still a 200: the
 * answer is the verification, with `valid: false` and the reason.
 */
export function registerVerifyRecordRoute(app: FastifyInstance, ctx: PlatformContext): void {
  registerRecordTextRoutes(app, (scope) => {
    scope.post('/api/v1/records/verify', { bodyLimit: MAX_RECORD_BYTES }, async (request, reply) => {
      return sendValidated(reply, RecordVerificationSchema, 200, await verifyWithPlatformKeys(ctx, request.body));
    });
  });
}
