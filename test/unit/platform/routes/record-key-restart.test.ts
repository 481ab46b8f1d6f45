import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, fixtureCode, startTestPlatform } from '../platform-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the record signing key', () => {
  it('is generated once, stored in the database and reused after a restart on the same file', async () => {
    const dbPath = join(dir, 'platform.sqlite');
    const first = await startTestPlatform({ dbPath, seed: { subjects: 30 } });
    const key1 = (await call(first, 'GET', '/.well-known/creditlens-record-key')).json;
    const record = (await call(first, 'POST', '/api/v1/records', { body: { codes: [fixtureCode('black')], context: 'procurement' } })).json;
    const stored = first.db.prepare('SELECT key_id, public_raw, private_pkcs8, created_at FROM signing_keys').all() as {
      key_id: string;
      public_raw: string;
      private_pkcs8: string;
    }[];
    expect(stored).toHaveLength(1);
    expect([stored[0]!.key_id, stored[0]!.public_raw]).toEqual([key1.keyId, key1.publicKey]);
    expect(Buffer.from(stored[0]!.private_pkcs8, 'base64').length).toBeGreaterThan(32);
    await first.close();

    const second = await startTestPlatform({ dbPath, seed: { subjects: 30 } });
    try {
      const key2 = (await call(second, 'GET', '/.well-known/creditlens-record-key')).json;
      expect([key2.keyId, key2.publicKey]).toEqual([key1.keyId, key1.publicKey]);
      expect((await call(second, 'POST', '/api/v1/records/verify', { body: record })).json).toMatchObject({ valid: true });
      const again = (await call(second, 'POST', '/api/v1/records', { body: { codes: [fixtureCode('red')], context: 'general' } })).json;
      expect(again.signature.keyId).toBe(key1.keyId);
      expect(second.db.prepare('SELECT count(*) AS n FROM signing_keys').get()).toEqual({ n: 1 });
    } finally {
      await second.close();
    }
  });

  it('differs between two databases, so a record of one platform does not verify on another', async () => {
    const a = await startTestPlatform({ seed: { subjects: 30 } });
    const b = await startTestPlatform({ seed: { subjects: 30 } });
    try {
      const record = (await call(a, 'POST', '/api/v1/records', { body: { codes: [fixtureCode('red')], context: 'general' } })).json;
      expect((await call(b, 'POST', '/api/v1/records/verify', { body: record })).json).toMatchObject({ valid: false, reason: 'unknown-key' });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
