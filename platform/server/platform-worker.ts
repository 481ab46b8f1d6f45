/**
 * One worker of a platform cluster (platform-cluster.ts), started by node:cluster: runs the
 * platform on the options the primary put in CREDITLENS_WORKER (the listening socket is shared
 * through the primary), counts the rate limit with the primary's buckets, says when it listens,
 * and closes (audit rows committed) when told to, when signalled, or when the primary is gone.
 */
import { ipcBucketStore } from '../rate-limit/ipc-bucket-store.ts';
import { startPlatform, type StartPlatformOptions } from '../start-platform.ts';

const options = JSON.parse(process.env.CREDITLENS_WORKER ?? '{}') as StartPlatformOptions;
// On PostgreSQL the rate limit counts in the database (start-platform.ts), shared beyond this machine.
const shared = options.rateLimit === false || options.databaseUrl !== undefined;
const platform = await startPlatform({
  ...options,
  ...(shared ? {} : { rateLimitStore: ipcBucketStore({ send: (m) => process.send?.(m), on: (e, l) => process.on(e, l) }) }),
});
let closing = false;
async function stop(): Promise<void> {
  if (closing) return;
  closing = true;
  await platform.close();
  process.exit(0);
}
process.on('message', (message) => {
  if (typeof message === 'object' && message !== null && (message as { creditlens?: unknown }).creditlens === 'close') void stop();
});
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
process.once('disconnect', () => void stop());
process.send?.({ creditlens: 'listening', url: platform.url, port: platform.port });
