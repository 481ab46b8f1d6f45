export { signedSnapshot, type SignedSnapshot } from '../../core/snapshot/signed-snapshot.ts';
import type { SignedSnapshot } from '../../core/snapshot/signed-snapshot.ts';
import { makeFakeFetch, type FakeFetch, type FakeReply } from '../../core/fixtures/make-fake-fetch.ts';

export interface SnapshotPlatformOptions {
  snapshot: SignedSnapshot;
  /** The platform's data version now. */
  version: () => number;
  /** Whether it serves the snapshot (else 599: only a kept one can answer). */
  serveSnapshot?: boolean;
  /** The feed's changes after `since`. */
  changes?: (since: number) => { cursor: number; code: string; at: string; kind: string }[];
  /** Status answers; `hang` by default (held: the snapshot is what the page shows until they come). */
  status?: (codes: string[]) => FakeReply;
}

/** A fake reference platform with a record key, a list snapshot, a changes feed and status answers. */
export function snapshotPlatform(o: SnapshotPlatformOptions): FakeFetch {
  const stamp = () => ({ asOf: new Date().toISOString(), dataVersion: o.version() });
  return makeFakeFetch((url, body): FakeReply => {
    if (url.endsWith('/.well-known/creditlens-record-key')) return { status: 200, body: { algorithm: 'Ed25519', ...o.snapshot.key, ...stamp() } };
    if (url.endsWith('/api/v1/snapshot')) return o.serveSnapshot ? { bytes: o.snapshot.bytes } : { raw: '', status: 599 };
    if (url.includes('/status')) return o.status ? o.status((body as { codes: string[] }).codes) : 'hang';
    if (url.includes('/health')) return { status: 200, body: { status: 'ok', apiVersion: 'v1', platform: 'p', anonymousReads: true, ...stamp() } };
    if (url.includes('/changes')) {
      const since = Number(new URL(url).searchParams.get('since'));
      return { status: 200, body: { changes: o.changes?.(since) ?? [], cursor: Math.max(since, o.version()), hasMore: false, ...stamp() } };
    }
    if (url.includes('/measures')) return { status: 200, body: { catalogueVersion: '1', measures: [], ...stamp() } };
    return { status: 404, body: { error: { code: 'not_found', message: 'no' } } };
  });
}
