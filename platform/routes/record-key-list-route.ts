import type { FastifyInstance } from 'fastify';
import { RecordKeyListSchema } from '../../core/api/record-key-list-schema.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/** Where the platform lists every public key it has signed records with. */
export const RECORD_KEY_LIST_PATH = '/.well-known/creditlens-record-keys';

/**
 * `GET /.well-known/creditlens-record-keys`: the current key and every key retired by a rotation
 * (public halves only, with retirement and compromise times), newest first. No token, any origin, like the single key.
 */
export function registerRecordKeyListRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get(RECORD_KEY_LIST_PATH, async (_request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    reply.header('Cache-Control', 'public, max-age=300');
    const current = await ctx.currentSigningKey();
    const keys = (await ctx.repos.signingKeys.all()).map(({ keyId, publicRaw, createdAt, retiredAt, compromisedSince }) => ({
      keyId,
      publicKey: publicRaw,
      createdAt,
      retiredAt,
      compromisedSince: compromisedSince ?? null,
    }));
    return sendValidated(reply, RecordKeyListSchema, 200, { algorithm: 'Ed25519', currentKeyId: current.keyId, keys, ...(await answerStamp(ctx)) });
  });
}
