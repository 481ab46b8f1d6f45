import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { RecordKeySchema } from '../../core/api/check-record-schema.ts';
import { ApiError } from '../server/api-error.ts';
import { parseRequest } from '../server/parse-request.ts';
import { answerStamp, type PlatformContext } from '../server/platform-context.ts';
import { sendValidated } from '../server/send-validated.ts';

/** Where the platform publishes the public key its check records are signed with. */
export const RECORD_KEY_PATH = '/.well-known/creditlens-record-key';

// Loose on purpose: a cache-busting parameter must not break a public, well-known resource.
const QuerySchema = z.object({ keyId: z.optional(z.string().check(z.maxLength(100))) });

/**
 * `GET /.well-known/creditlens-record-key`: the current public key; with `?keyId=` the key of that
 * id, current or retired by a rotation (404 when the platform never had it), in the same shape —
 * so a verifier fetches the key its record names — with its creation, retirement and compromise
 * times, so the verifier applies the platform's rules. No token, and readable from any origin: anyone
 * holding a record must be able to check it.
 */
export function registerRecordKeyRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get(RECORD_KEY_PATH, async (request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    const { keyId: wanted } = parseRequest(QuerySchema, request.query);
    if (wanted === undefined) {
      reply.header('Cache-Control', 'public, max-age=300');
      const { keyId, publicKey, createdAt } = await ctx.currentSigningKey();
      const current = await ctx.repos.signingKeys.find(keyId);
      return sendValidated(reply, RecordKeySchema, 200, {
        algorithm: 'Ed25519',
        keyId,
        publicKey,
        createdAt,
        retiredAt: current?.retiredAt ?? null,
        compromisedSince: current?.compromisedSince ?? null,
        ...(await answerStamp(ctx)),
      });
    }
    const stored = await ctx.repos.signingKeys.find(wanted);
    if (!stored) throw new ApiError(404, 'not_found', `this platform has no record key ${wanted}`);
    // The public key of an id never changes, but its retirement and compromise times do.
    reply.header('Cache-Control', 'public, max-age=300');
    return sendValidated(reply, RecordKeySchema, 200, {
      algorithm: 'Ed25519',
      keyId: stored.keyId,
      publicKey: stored.publicRaw,
      createdAt: stored.createdAt,
      retiredAt: stored.retiredAt,
      compromisedSince: stored.compromisedSince ?? null,
      ...(await answerStamp(ctx)),
    });
  });
}
