import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../../platform/auth/demo-tokens.ts';
import { openDatabase } from '../../../../platform/db/open-database.ts';
import { startPlatformCluster, type RunningCluster } from '../../../../platform/server/platform-cluster.ts';
import { fixtureCode, TODAY } from '../platform-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'platform-cluster-writes-'));
const dbPath = join(dir, 'platform.sqlite');

/** A JSON post on a connection of its own (no keep-alive), so concurrent posts spread over the workers. */
function post(url: string, path: string, token: string, body: unknown): Promise<{ status: number; json: any }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      { method: 'POST', agent: false, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', connection: 'close' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

let platform: RunningCluster;
beforeAll(async () => {
  platform = await startPlatformCluster({ dbPath, seed: true, today: TODAY, rateLimit: 100_000, workers: 2 });
}, 60_000);
afterAll(async () => {
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('writes with 2 workers over one file', () => {
  it('accepts one feedback per idempotency key when both workers get it at the same moment: the others are duplicates, none fails', async () => {
    const body = {
      idempotencyKey: 'cluster-same-key-0001',
      code: fixtureCode('black'),
      entryId: null,
      measureId: 'P15-3',
      outcome: 'applied',
      reason: null,
      caseReference: 'CG-2026-09',
      note: null,
      operator: '王科员',
      context: 'procurement',
    };
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(platform.url, '/api/v1/feedback', DEMO_TOKENS.department, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json.feedback.id)).size).toBe(1);
    const db = openDatabase(dbPath);
    try {
      expect(db.prepare('SELECT count(*) AS n FROM feedback WHERE idempotency_key = ?').get(body.idempotencyKey)).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
