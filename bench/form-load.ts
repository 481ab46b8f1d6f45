/**
 * Health latency while large form posts hit /records/print: twelve posters in a worker thread,
 * each posting a form just under the record limit (decoded and parsed by the platform, the costly
 * kind), next to health with no load, in the same run. Median of 15 health requests each.
 * Target: health under 100 ms under this load (a platform blocked by decoding takes hundreds).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAX_FORM_BYTES } from '../platform/pages/form-pages.ts';
import { startPlatform } from '../platform/start-platform.ts';
import { LARGE_FORM_POSTERS } from '../test/unit/platform/server/large-form-posters.ts';

const SAMPLES = 15;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function healthMedian(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/api/v1/health`);
    await res.text();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'creditlens-bench-form-'));
  const platform = await startPlatform({ port: 0, dbPath: join(dir, 'platform.db'), seed: { subjects: 20 }, rateLimit: 100_000 });
  try {
    const idle = await healthMedian(platform.url);
    const statuses: number[] = [];
    const posters = new Worker(LARGE_FORM_POSTERS, {
      eval: true,
      workerData: { url: `${platform.url}/records/print`, bytes: MAX_FORM_BYTES - 1024, posters: 12, rounds: 1_000, maxMs: 30_000 },
    });
    const finished = new Promise<void>((resolve) =>
      posters.on('message', (m: { status?: number; done?: boolean }) => (m.status !== undefined ? statuses.push(m.status) : m.done && resolve())),
    );
    while (statuses.length < 4) await new Promise((r) => setTimeout(r, 5));
    const loaded = await healthMedian(platform.url);
    posters.postMessage('stop');
    await finished;
    await posters.terminate();
    console.log(`health, no load:                         ${idle.toFixed(1)} ms (median of ${SAMPLES})`);
    console.log(`health, 12 large form posts at a time:   ${loaded.toFixed(1)} ms (median of ${SAMPLES}; target < 100 ms)`);
    console.log(`posts answered meanwhile: ${statuses.length} (${[...new Set(statuses)].sort().join(', ')})`);
  } finally {
    await platform.close();
    await rm(dir, { recursive: true, force: true });
  }
}
