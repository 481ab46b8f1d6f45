/**
 * Issue 16 in the browser: the built extension in Chromium against the reference platform on a
 * real PostgreSQL server (a throwaway cluster this file starts), served by two worker processes.
 * The page's codes get their verdicts; a listing made through the API, answered by whichever
 * worker, reaches the open page through the changes feed and is in the database.
 */
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../platform/auth/demo-tokens.ts';
import { openCommandDatabase } from '../../platform/cli/command-database.ts';
import { startPlatformCluster, type RunningCluster } from '../../platform/server/platform-cluster.ts';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';
import { highlightKindOf as kindOf } from './fixtures/highlight-kind.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { lifecyclePageCodes } from './fixtures/lifecycle-page-codes.ts';
import { renderPages } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

describe('extension against the PostgreSQL platform with two workers', () => {
  let postgres: PostgresCluster;
  let databaseUrl: string;
  let platform: RunningCluster;
  let chromium: LaunchedChromium;
  let page: Page;
  let pagesDir: string;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    // lifecycle.html's slots; this file reads the black (in the mistyped slot), disputed and joining (clear) ones.
    Object.assign(codes, await lifecyclePageCodes());
    pagesDir = await renderPages(codes, ['lifecycle.html']);
    postgres = await startPostgresCluster();
    databaseUrl = await postgres.createDatabase();
    platform = await startPlatformCluster({
      port: 0,
      databaseUrl,
      seed: true,
      log: false,
      rateLimit: false,
      workers: 2,
      staticDirs: [{ prefix: '/e2e/', dir: pagesDir }],
    });
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: platform.url,
      token: DEMO_TOKENS.department,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 1,
    });
    page = await chromium.context.newPage();
    await page.goto(`${platform.url}/e2e/lifecycle.html`);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close().catch(() => undefined);
    await postgres?.stop();
    if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
  });

  it('marks the codes with what the PostgreSQL platform holds', async () => {
    expect(platform.workers).toBe(2);
    await expect.poll(() => kindOf(page, codes.mistyped!), { timeout: 20_000 }).toBe('black');
    await expect.poll(() => kindOf(page, codes.disputed!), { timeout: 20_000 }).toBe('disputed');
    await expect.poll(() => kindOf(page, codes.joining!), { timeout: 20_000 }).toBe('clear');
  });

  it('turns an open page black when a clear subject is listed through either worker', async () => {
    await expect.poll(() => kindOf(page, codes.joining!), { timeout: 20_000 }).toBe('clear');
    const listed = await fetch(`${platform.url}/api/v1/admin/entries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${DEMO_TOKENS.admin}`, Connection: 'close' },
      body: JSON.stringify({
        code: codes.joining,
        list: 'black',
        category: '失信被执行人',
        facts: '拒不履行生效判决（e2e, PostgreSQL）',
        legalBasis: '实施方案',
        documentNumber: '（2026）鄂0105执9998号',
        department: '区人民法院',
      }),
    });
    expect(listed.status).toBe(201);
    await expect.poll(() => kindOf(page, codes.joining!), { timeout: 30_000 }).toBe('black');
    // The entry is in the PostgreSQL database, as another process reads it.
    const other = await openCommandDatabase({ dbPath: ':memory:', databaseUrl });
    try {
      expect((await other.repos.entries.listByCode(codes.joining!)).map((e) => e.documentNumber)).toContain('（2026）鄂0105执9998号');
      expect(other.repos.engine).toBe('postgres');
    } finally {
      await other.close();
    }
  });
});
