import cluster from 'node:cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../../platform/auth/demo-tokens.ts';
import { holdLease } from '../../../../platform/db/hold-lease.ts';
import { openDatabase } from '../../../../platform/db/open-database.ts';
import { createRepositories } from '../../../../platform/db/repositories.ts';
import { platformConfig } from '../../../../platform/cli/platform-config.ts';
import { serveCommand } from '../../../../platform/cli/serve-command.ts';
import { announceExpiries } from '../../../../platform/lists/announce-expiries.ts';
import { startPlatformCluster, type RunningCluster } from '../../../../platform/server/platform-cluster.ts';
import { fixtureCode, TODAY } from '../platform-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'platform-cluster-'));
const dbPath = join(dir, 'platform.sqlite');
const PER_MINUTE = 5;

/** One request on a connection of its own (no keep-alive), so requests spread over the workers. */
function get(url: string, path: string, token: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { agent: false, headers: { authorization: `Bearer ${token}`, connection: 'close' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** How many rate-limit questions each worker sent the primary (one per limited request it served). */
const asked = new Map<number, number>();
function countQuestions(): void {
  for (const worker of Object.values(cluster.workers ?? {})) {
    if (!worker || asked.has(worker.id)) continue;
    asked.set(worker.id, 0);
    worker.on('message', (message: { creditlens?: string }) => {
      if (message?.creditlens === 'rate') asked.set(worker.id, (asked.get(worker.id) ?? 0) + 1);
    });
  }
}

let platform: RunningCluster;
beforeAll(async () => {
  platform = await startPlatformCluster({ dbPath, seed: true, today: TODAY, rateLimit: PER_MINUTE, workers: 2 });
  countQuestions();
}, 60_000);
afterAll(async () => {
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a platform served by 2 workers over one file', () => {
  it('runs two worker processes on one port', () => {
    expect(platform.workers).toBe(2);
    expect(new Set(platform.pids()).size).toBe(2);
    expect(platform.pids()).not.toContain(process.pid);
  });

  it('spends one allowance per caller whichever worker answers: the primary holds the buckets', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3 * PER_MINUTE; i++) statuses.push((await get(platform.url, '/api/v1/measures', DEMO_TOKENS.viewer)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * PER_MINUTE);
    // Both workers served some of them (connections are handed out in turn).
    expect([...asked.values()].filter((n) => n > 0)).toHaveLength(2);
  });

  it('answers every worker with the same data version and changes feed after a change written by another process', async () => {
    const before = (await get(platform.url, '/api/v1/changes?since=0&limit=1', DEMO_TOKENS.department)).json.dataVersion as number;
    const db = openDatabase(dbPath);
    const cursor = await createRepositories(db).changes.record(fixtureCode('black'), 'updated', new Date().toISOString());
    db.close();
    expect(cursor).toBeGreaterThan(before);
    const asked0 = [...asked.values()];
    const pages = await Promise.all([0, 1, 2, 3].map(() => get(platform.url, `/api/v1/changes?since=${cursor - 1}`, DEMO_TOKENS.department)));
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(pages.map((p) => p.json.dataVersion)).toEqual([cursor, cursor, cursor, cursor]);
    expect(pages.map((p) => p.json.changes.map((c: { cursor: number }) => c.cursor))).toEqual([[cursor], [cursor], [cursor], [cursor]]);
    expect([...asked.values()].map((n, i) => n - (asked0[i] ?? 0)).every((n) => n > 0)).toBe(true);
  });

  it('replaces a worker that dies, on the same port', async () => {
    const [victim] = platform.pids();
    process.kill(victim!, 'SIGKILL');
    await expect.poll(() => platform.pids().length === 2 && !platform.pids().includes(victim!), { timeout: 30_000, interval: 100 }).toBe(true);
    expect((await get(platform.url, '/api/v1/health', DEMO_TOKENS.admin)).status).toBe(200);
  }, 40_000);
});

describe('the expiry sweep with 2 workers over one file', () => {
  it('is run by one worker at a time: the lease goes to one holder until it expires', async () => {
    const a = createRepositories(openDatabase(dbPath));
    const b = createRepositories(openDatabase(dbPath));
    try {
      const t = Date.now();
      expect(await holdLease(a, 'test-sweep', 'worker-a', 60_000, t)).toBe(true);
      expect(await holdLease(b, 'test-sweep', 'worker-b', 60_000, t + 1)).toBe(false);
      expect(await holdLease(a, 'test-sweep', 'worker-a', 60_000, t + 30_000)).toBe(true);
      expect(await holdLease(b, 'test-sweep', 'worker-b', 60_000, t + 60_000)).toBe(false);
      // The holder stopped renewing (it died): the other takes over once the lease has run out.
      expect(await holdLease(b, 'test-sweep', 'worker-b', 60_000, t + 90_001)).toBe(true);
      expect(await holdLease(a, 'test-sweep', 'worker-a', 60_000, t + 90_002)).toBe(false);
    } finally {
      a.sqlite!.close();
      b.sqlite!.close();
    }
  });

  it('announces a day once, when two workers sweep it', async () => {
    const a = createRepositories(openDatabase(dbPath));
    const b = createRepositories(openDatabase(dbPath));
    try {
      const far = '2099-01-01';
      const changesBefore = await a.changes.latest();
      const first = await announceExpiries(a, far);
      const afterFirst = await a.changes.latest();
      const second = await announceExpiries(b, far);
      expect(first).toBeGreaterThan(0);
      expect(afterFirst).toBeGreaterThan(changesBefore);
      expect(second).toBe(0);
      expect(await b.changes.latest()).toBe(afterFirst);
    } finally {
      a.sqlite!.close();
      b.sqlite!.close();
    }
  });
});

describe('serve --workers', () => {
  it('refuses a worker count that is not 1 to 64 (exit 2, one line), from the flag or WORKERS', async () => {
    for (const [flags, env] of [
      [new Map([['workers', '0']]), {}],
      [new Map([['workers', 'two']]), {}],
      [new Map(), { WORKERS: '65' }],
    ] as const) {
      const errors: string[] = [];
      const code = await serveCommand({ ...platformConfig(env), port: 0, dbPath, logRequests: false }, new Map(flags), async () => undefined, {
        log: () => undefined,
        error: (line) => errors.push(line),
      });
      expect(code).toBe(2);
      expect(errors).toEqual([expect.stringMatching(/^serve: --workers \(WORKERS\) must be a whole number from 1 to 64/)]);
    }
  });
});
