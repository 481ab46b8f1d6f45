import type { FastifyInstance } from 'fastify';
import { RecordKeySchema } from '../../core/api/check-record-schema.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/** Where the platform publishes the public key its check records are signed with. */
export const RECORD_KEY_PATH = '/.well-known/creditlens-record-key';

/**
 * `GET /.well-known/creditlens-record-key`: the current public key. No token, and readable from
 * any origin: anyone holding a record must be able to check it.
 */
export function registerRecordKeyRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get(RECORD_KEY_PATH, async (_request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    reply.header('Cache-Control', 'public, max-age=300');
    const { keyId, publicKey } = ctx.signingKey;
    return sendValidated(reply, RecordKeySchema, 200, { algorithm: 'Ed25519', keyId, publicKey, ...answerStamp(ctx) });
  });
}
