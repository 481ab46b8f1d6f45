/**
 * Closing the loop from the card, end to end: the built extension in Debian's Chromium, the
 * reference platform on a temporary database file (so it can be stopped and started again on the
 * same port with its data), demo/approval.html served at /demo/. Feedback given from the card
 * must reach the platform exactly once — also across a platform outage and a service-worker
 * restart — and an objection must turn the open page's black code to disputed without a reload,
 * and back to black when an admin rejects it.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';

declare const chrome: typeof import('wxt/browser').browser;

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/screenshots');
const { default: subjects } = await import('../../platform/seed/demo-subjects.json', { with: { type: 'json' } });
const role = (name: string) => (subjects as { role: string | null; code: string; name: string | null }[]).find((s) => s.role === name)!;
/** In the applicants table of approval.html (text). */
const TEXT_BLACK = role('individual-black').code;
/** In the applicant form's code field (a field badge). */
const FIELD_BLACK = role('black').code;
const PAGE_CASE = 'HY-SP-2026-11-0381';

describe('feedback and objections from the card', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let dbDir: string;
  let port: number;
  let page: Page;

  const start = (p: number) =>
    startPlatform({ port: p, dbPath: join(dbDir, 'platform.db'), seed: true, staticDirs: [{ prefix: '/demo/', dir: resolve(ROOT, 'demo') }] });

  /** Feedback the platform holds for a code and case (department token). */
  async function stored(code: string, caseReference: string): Promise<{ measureId: string; outcome: string; operator: string | null; department: string }[]> {
    const res = await fetch(`${platform.url}/api/v1/feedback?code=${code}&caseReference=${encodeURIComponent(caseReference)}`, {
      headers: { Authorization: `Bearer ${platform.tokens.department}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { feedback: never[] }).feedback;
  }

  async function openCard(selector: string): Promise<Locator> {
    const card = page.locator('creditlens-overlay .card');
    await expect.poll(async () => {
      await page.locator(selector).first().focus().catch(() => undefined);
      return card.isVisible();
    }, { timeout: 15_000 }).toBe(true);
    return card;
  }

  /** Gives "applied" for the first measure offered, under `caseReference`; returns the measure id. */
  async function giveFeedback(card: Locator, caseReference: string): Promise<string> {
    const section = card.locator('.cl-feedback');
    await expect.poll(() => section.isVisible(), { timeout: 10_000 }).toBe(true);
    const caseField = section.locator('input[name=caseReference]');
    await caseField.fill(caseReference);
    await caseField.dispatchEvent('change');
    const choice = section.locator('fieldset.cl-choice').first();
    const measureId = (await choice.getAttribute('data-measure-id'))!;
    await choice.locator('input[value=applied]').check();
    await section.getByRole('button', { name: '提交反馈' }).click();
    await expect.poll(() => section.locator('[role=status]').first().textContent(), { timeout: 5000 }).toContain('已保存 1 条反馈');
    return measureId;
  }

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-feedback-'));
    platform = await start(0);
    port = platform.port;
    chromium = await launchChromium({ extension: true });
    await chromium.serviceWorker!.evaluate(
      (settings) => chrome.storage.local.set({ settings }),
      { platformUrl: platform.url, token: platform.tokens.department, sites: [], freshnessMinutes: 5, changesPollSeconds: 1, operator: '王立' },
    );
    page = await chromium.context.newPage();
    await page.goto(`${platform.url}/demo/approval.html`);
    await page.locator(`creditlens-overlay .badge[data-code="${FIELD_BLACK}"][data-kind=black]`).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
  });

  it('sends feedback from the card once, with the operator, and shows it as given for the case', async () => {
    const card = await openCard(`creditlens-overlay .mark[data-code="${TEXT_BLACK}"]`);
    const caseField = card.locator('.cl-feedback input[name=caseReference]');
    // The page shows its case (受理号 …): the card starts with it.
    await expect.poll(() => caseField.inputValue(), { timeout: 10_000 }).toBe(PAGE_CASE);
    expect(await card.locator('.cl-feedback').textContent()).toContain('反馈人：王立');
    const measureId = await giveFeedback(card, 'SP-2026-001');
    await expect.poll(() => stored(TEXT_BLACK, 'SP-2026-001').then((list) => list.length), { timeout: 15_000 }).toBe(1);
    const [record] = await stored(TEXT_BLACK, 'SP-2026-001');
    expect(record).toMatchObject({ measureId, outcome: 'applied', operator: '王立' });
    await expect.poll(() => card.locator(`.cl-given-item[data-measure-id="${measureId}"]`).count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: resolve(SHOTS, 'extension-feedback-given.png') });
    await new Promise((r) => setTimeout(r, 2000));
    expect(await stored(TEXT_BLACK, 'SP-2026-001')).toHaveLength(1);
  });

  it('keeps feedback given during an outage, shows it pending, and sends it once when the platform is back', async () => {
    await platform.close();
    const card = await openCard(`creditlens-overlay .mark[data-code="${TEXT_BLACK}"]`);
    await giveFeedback(card, 'SP-2026-002');
    const pending = card.locator('.cl-queued-item[data-status]');
    await expect.poll(() => pending.count(), { timeout: 10_000 }).toBe(1);
    expect(await card.locator('.cl-queued').textContent()).toContain('等待发送');
    await page.screenshot({ path: resolve(SHOTS, 'extension-feedback-pending.png') });
    platform = await start(port);
    await expect.poll(() => stored(TEXT_BLACK, 'SP-2026-002').then((list) => list.length), { timeout: 40_000 }).toBe(1);
    await expect.poll(() => pending.count(), { timeout: 15_000 }).toBe(0);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await stored(TEXT_BLACK, 'SP-2026-002')).toHaveLength(1);
  }, 90_000);

  it('sends feedback queued before the service worker was stopped, once, after it wakes', async () => {
    await platform.close();
    const card = await openCard(`creditlens-overlay .mark[data-code="${TEXT_BLACK}"]`);
    await giveFeedback(card, 'SP-2026-003');
    await expect.poll(() => card.locator('.cl-queued-item').count(), { timeout: 10_000 }).toBe(1);
    // Leave the card (it asks the background while something waits) and stop every service worker.
    await page.keyboard.press('Escape');
    await page.locator('h1').click();
    const sw = chromium.serviceWorker!;
    await sw.evaluate(() => void ((globalThis as { __beforeStop?: boolean }).__beforeStop = true));
    const cdp = await chromium.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => statuses.push(...e.versions.map((v) => v.runningStatus)));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
    platform = await start(port);
    // Wake the worker: open the popup. It is a new worker (its globals are gone) that resumes the stored queue.
    const popup = await chromium.context.newPage();
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?lang=zh_CN`);
    expect(await sw.evaluate(() => (globalThis as { __beforeStop?: boolean }).__beforeStop ?? false)).toBe(false);
    await expect.poll(() => stored(TEXT_BLACK, 'SP-2026-003').then((list) => list.length), { timeout: 60_000 }).toBe(1);
    await popup.close();
    await new Promise((r) => setTimeout(r, 3000));
    expect(await stored(TEXT_BLACK, 'SP-2026-003')).toHaveLength(1);
    // Nothing given earlier was sent again.
    expect(await stored(TEXT_BLACK, 'SP-2026-001')).toHaveLength(1);
    expect(await stored(TEXT_BLACK, 'SP-2026-002')).toHaveLength(1);
  }, 120_000);

  it('turns the open page to disputed after an objection from the card, and back to black when it is rejected', async () => {
    const badge = page.locator(`creditlens-overlay .badge[data-code="${FIELD_BLACK}"]`);
    await expect.poll(() => badge.getAttribute('data-kind'), { timeout: 20_000 }).toBe('black');
    const card = await openCard(`creditlens-overlay .badge[data-code="${FIELD_BLACK}"]`);
    await card.getByRole('button', { name: '报告信息有误' }).first().click();
    const form = card.locator('.cl-objection-form');
    await form.locator('textarea[name=reason]').fill('该企业已于上月履行全部义务，名单信息未更新。');
    await form.locator('input[name=contact]').fill('027-84845678');
    await form.getByRole('button', { name: '提交异议' }).click();
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/异议已受理|异议核查中|暂停/);
    await expect.poll(() => badge.getAttribute('data-kind'), { timeout: 20_000 }).toBe('disputed');
    await page.screenshot({ path: resolve(SHOTS, 'extension-objection-disputed.png') });
    const { id } = platform.db.prepare('SELECT id FROM objections WHERE code = ? AND status = ?').get(FIELD_BLACK, 'pending') as { id: string };
    const res = await fetch(`${platform.url}/api/v1/objections/${id}/resolve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${platform.tokens.admin}` },
      body: JSON.stringify({ outcome: 'rejected' }),
    });
    expect(res.status).toBe(200);
    await expect.poll(() => badge.getAttribute('data-kind'), { timeout: 20_000 }).toBe('black');
  }, 60_000);
});
