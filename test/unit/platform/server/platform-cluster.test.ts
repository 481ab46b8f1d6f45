import cluster from 'node:cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../../../platform/auth/create-token.ts';
import { DEMO_TOKENS } from '../../../../platform/auth/demo-tokens.ts';
import { holdLease } from '../../../../platform/db/hold-lease.ts';
import { openCommandDatabase, type CommandDatabase } from '../../../../platform/cli/command-database.ts';
import { platformConfig } from '../../../../platform/cli/platform-config.ts';
import { serveCommand } from '../../../../platform/cli/serve-command.ts';
import { announceExpiries } from '../../../../platform/lists/announce-expiries.ts';
import { startPlatformCluster, type RunningCluster } from '../../../../platform/server/platform-cluster.ts';
import { freshPostgresDatabase, testEngine } from '../../../support/test-engine.ts';
import { fixtureCode, TODAY } from '../platform-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'platform-cluster-'));
const dbPath = join(dir, 'platform.sqlite');
const PER_MINUTE = 5;
const engine = testEngine();
/** Where the workers' data lives: the SQLite file, or (unit-postgres) a fresh PostgreSQL database. */
let databaseUrl: string | undefined;
/** Another process's view of the same database (as another worker, or an operator's command, sees it). */
const openOther = (): Promise<CommandDatabase> => openCommandDatabase({ dbPath, databaseUrl });

/** `n` new tokens of one department, one per request sent at once, so the rate limit (PER_MINUTE) decides none of them. */
async function departmentTokens(n: number): Promise<string[]> {
  const other = await openOther();
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) tokens.push((await createToken(other.repos, '区财政局', 'department', `at-once-${i}`)).token);
  await other.close();
  return tokens;
}

/** One request on a connection of its own (no keep-alive), so requests spread over the workers. */
function get(url: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, connection: 'close' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const req = request(`${url}${path}`, { agent: false, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
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
  if (engine === 'postgres') databaseUrl = await freshPostgresDatabase();
  platform = await startPlatformCluster({ dbPath, ...(databaseUrl && { databaseUrl }), seed: true, today: TODAY, rateLimit: PER_MINUTE, workers: 2 });
  countQuestions();
}, 60_000);
afterAll(async () => {
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`a platform served by 2 workers over one database (${engine})`, () => {
  it('runs two worker processes on one port', () => {
    expect(platform.workers).toBe(2);
    expect(new Set(platform.pids()).size).toBe(2);
    expect(platform.pids()).not.toContain(process.pid);
  });

  it(`spends one allowance per caller whichever worker answers: ${engine === 'sqlite' ? 'the primary holds the buckets' : 'the database holds them'}`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3 * PER_MINUTE; i++) statuses.push((await get(platform.url, '/api/v1/measures', DEMO_TOKENS.viewer)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * PER_MINUTE);
    // SQLite: both workers asked the primary (connections are handed out in turn); PostgreSQL asks no one.
    expect([...asked.values()].filter((n) => n > 0)).toHaveLength(engine === 'sqlite' ? 2 : 0);
  });

  it('answers every worker with the same data version and changes feed after a change written by another process', async () => {
    const before = (await get(platform.url, '/api/v1/changes?since=0&limit=1', DEMO_TOKENS.department)).json.dataVersion as number;
    const other = await openOther();
    const cursor = await other.repos.changes.record(fixtureCode('black'), 'updated', new Date().toISOString());
    await other.close();
    expect(cursor).toBeGreaterThan(before);
    const asked0 = [...asked.values()];
    const pages = await Promise.all([0, 1, 2, 3].map(() => get(platform.url, `/api/v1/changes?since=${cursor - 1}`, DEMO_TOKENS.department)));
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(pages.map((p) => p.json.dataVersion)).toEqual([cursor, cursor, cursor, cursor]);
    expect(pages.map((p) => p.json.changes.map((c: { cursor: number }) => c.cursor))).toEqual([[cursor], [cursor], [cursor], [cursor]]);
    // Both workers answered some (SQLite: each asked the primary about its requests).
    if (engine === 'sqlite') expect([...asked.values()].map((n, i) => n - (asked0[i] ?? 0)).every((n) => n > 0)).toBe(true);
  });

  it('accepts one feedback for a key sent to both workers at the same instant: the others get it back as the duplicate', async () => {
    const body = {
      idempotencyKey: `cluster-same-key-${engine}`,
      code: fixtureCode('black'),
      entryId: null,
      measureId: 'P15-6',
      outcome: 'applied',
      reason: null,
      caseReference: 'CLUSTER-1',
      note: null,
      operator: null,
      context: 'approval',
    };
    const answers = await Promise.all((await departmentTokens(8)).map((token) => get(platform.url, '/api/v1/feedback', token, body)));
    const accepted = answers.filter((a) => a.status === 201);
    expect(accepted).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200).map((a) => [a.json.duplicate, a.json.feedback.id])).toEqual(
      Array.from({ length: 7 }, () => [true, accepted[0]!.json.feedback.id]),
    );
    const other = await openOther();
    expect((await other.repos.feedback.listByCode(body.code, 'CLUSTER-1', 10)).map((f) => f.idempotencyKey)).toEqual([body.idempotencyKey]);
    await other.close();
  });

  it('files one objection to an entry when both workers are asked at the same instant: the others are refused 409', async () => {
    const other = await openOther();
    const code = fixtureCode('black');
    const [entry] = await other.repos.entries.listByCode(code);
    await other.close();
    const body = { code, entryId: entry!.id, reason: '相关款项已于列入前全部结清', contact: '027-84841234', reference: 'CLUSTER-OBJ' };
    const answers = await Promise.all((await departmentTokens(6)).map((token) => get(platform.url, '/api/v1/objections', token, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const check = await openOther();
    expect((await check.repos.objections.pendingForEntry(entry!.id))?.reference).toBe('CLUSTER-OBJ');
    await check.close();
  });

  it('replaces a worker that dies, on the same port', async () => {
    const [victim] = platform.pids();
    process.kill(victim!, 'SIGKILL');
    await expect.poll(() => platform.pids().length === 2 && !platform.pids().includes(victim!), { timeout: 30_000, interval: 100 }).toBe(true);
    expect((await get(platform.url, '/api/v1/health', DEMO_TOKENS.admin)).status).toBe(200);
  }, 40_000);
});

describe(`the expiry sweep with 2 workers over one database (${engine})`, () => {
  it('is run by one worker at a time: the lease goes to one holder until it expires', async () => {
    const [a, b] = await Promise.all([openOther(), openOther()]);
    try {
      const t = Date.now();
      expect(await holdLease(a.repos, 'test-sweep', 'worker-a', 60_000, t)).toBe(true);
      expect(await holdLease(b.repos, 'test-sweep', 'worker-b', 60_000, t + 1)).toBe(false);
      expect(await holdLease(a.repos, 'test-sweep', 'worker-a', 60_000, t + 30_000)).toBe(true);
      expect(await holdLease(b.repos, 'test-sweep', 'worker-b', 60_000, t + 60_000)).toBe(false);
      // The holder stopped renewing (it died): the other takes over once the lease has run out.
      expect(await holdLease(b.repos, 'test-sweep', 'worker-b', 60_000, t + 90_001)).toBe(true);
      expect(await holdLease(a.repos, 'test-sweep', 'worker-a', 60_000, t + 90_002)).toBe(false);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('announces a day once, when two workers sweep it', async () => {
    const [a, b] = await Promise.all([openOther(), openOther()]);
    try {
      const far = '2099-01-01';
      const changesBefore = await a.repos.changes.latest();
      const first = await announceExpiries(a.repos, far);
      const afterFirst = await a.repos.changes.latest();
      const second = await announceExpiries(b.repos, far);
      expect(first).toBeGreaterThan(0);
      expect(afterFirst).toBeGreaterThan(changesBefore);
      expect(second).toBe(0);
      expect(await b.repos.changes.latest()).toBe(afterFirst);
    } finally {
      await Promise.all([a.close(), b.close()]);
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
