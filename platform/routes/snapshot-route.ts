import type { FastifyInstance } from 'fastify';
import { SNAPSHOT_MEDIA_TYPE } from '../../core/snapshot/snapshot-header-schema.ts';
import { authorize } from '../auth/authorize.ts';
import { disclosureFor } from '../privacy/disclosure-for.ts';
import { ApiError } from '../server/api-error.ts';
import type { PlatformContext } from '../server/platform-context.ts';
import { createSnapshotCache } from '../snapshot/create-snapshot-cache.ts';

/**
 * `GET /api/v1/snapshot`: the signed list snapshot (core/snapshot/README.md) for the caller's
 * scope — anonymous callers the published entries, signed-in callers every entry. Binary
 * (`application/vnd.creditlens.snapshot`); the `dataVersion` it is current to is also in
 * `X-CreditLens-Data-Version`. The changes feed after that version is its delta; the status
 * answer re-reads the codes the feed names. An empty platform answers 503 `no_data`, like
 * `/status`: a snapshot of nothing would paint every code clear. A platform configured for its
 * regions names them in the signed header, so a code absent from it is "not listed" only there.
 */
export function registerSnapshotRoute(app: FastifyInstance, ctx: PlatformContext): void {
  const snapshotFor = createSnapshotCache(ctx);
  app.get('/api/v1/snapshot', async (request, reply) => {
    const caller = await authorize(request, ctx, 'read');
    if (!(await ctx.repos.subjects.any())) throw new ApiError(503, 'no_data', 'the platform holds no list data yet, so no snapshot can be made');
    const snapshot = await snapshotFor(disclosureFor(caller, null).scope);
    reply.header('Content-Type', SNAPSHOT_MEDIA_TYPE);
    reply.header('Cache-Control', 'private, no-cache');
    reply.header('X-CreditLens-Data-Version', String(snapshot.dataVersion));
    reply.header('Access-Control-Expose-Headers', 'X-CreditLens-Data-Version, Retry-After');
    return reply.send(Buffer.from(snapshot.bytes.buffer, snapshot.bytes.byteOffset, snapshot.bytes.byteLength));
  });
}
