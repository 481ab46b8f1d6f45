/**
 * Closing the loop from the card, end to end (feedback and objections open from the card's buttons
 * into the pinned panel): the built extension in Debian's Chromium, the
 * reference platform on a temporary database file (so it can be stopped and started again on the
 * same port with its data), demo/approval.html served at /demo/. Feedback given from the card
 * must reach the platform exactly once — also across a platform outage and a service-worker
 * restart — and an objection must turn the open page's black code to disputed without a reload,
 * and back to black when an admin rejects it. The card lives in the extension's closed shadow
 * root: tests reach it through `extensionOverlay` (CDP) and act on it with real input events.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { giveFeedback as giveCardFeedback, openFeedbackPanel as openCardFeedbackPanel } from './fixtures/card-feedback.ts';
import { storedFeedback } from './fixtures/stored-feedback.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { saveSettings } from './fixtures/save-settings.ts';

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
  let overlay: ExtensionOverlay;

  const start = (p: number) =>
    startPlatform({ port: p, dbPath: join(dbDir, 'platform.db'), seed: true, staticDirs: [{ prefix: '/demo/', dir: resolve(ROOT, 'demo') }] });

  /** Feedback items still waiting in the background's stored queue (sent ones leave it). */
  const queueLength = () =>
    chromium.serviceWorker!.evaluate(async () => ((await chrome.storage.local.get('feedbackQueue')).feedbackQueue as unknown[] | undefined)?.length ?? 0);

  const openFeedbackPanel = () => openCardFeedbackPanel(overlay);
  const giveFeedback = (caseReference: string) => giveCardFeedback(overlay, caseReference);

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    dbDir = await mkdtemp(join(tmpdir(), 'creditlens-e2e-feedback-'));
    platform = await start(0);
    port = platform.port;
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.department,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 1,
      operator: '王立',
    });
    page = await chromium.context.newPage();
    await page.goto(`${platform.url}/demo/approval.html`);
    overlay = extensionOverlay(page);
    await overlay.element(`.badge[data-code="${FIELD_BLACK}"][data-kind=black]`, 20_000);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close().catch(() => undefined);
    await rm(dbDir, { recursive: true, force: true });
  });

  it('sends feedback from the card once, with the operator, and shows it as given for the case', async () => {
    await overlay.openCard(`.mark[data-code="${TEXT_BLACK}"]`);
    // No form inside the hover card: its button opens the pinned panel.
    expect(await overlay.count('.card form')).toBe(0);
    await openFeedbackPanel();
    // The page shows its case (受理号 …): the panel starts with it.
    await expect.poll(() => overlay.value('.cl-panel .cl-feedback input[name=caseReference]'), { timeout: 10_000 }).toBe(PAGE_CASE);
    expect(await overlay.text('.cl-panel .cl-feedback')).toContain('反馈人：王立');
    const measureId = await giveFeedback('SP-2026-001');
    await expect.poll(() => storedFeedback(platform, TEXT_BLACK, 'SP-2026-001').then((list) => list.length), { timeout: 15_000 }).toBe(1);
    const [record] = await storedFeedback(platform, TEXT_BLACK, 'SP-2026-001');
    expect(record).toMatchObject({ measureId, outcome: 'applied', operator: '王立' });
    await expect.poll(() => overlay.count(`.cl-panel .cl-given-item[data-measure-id="${measureId}"]`), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: resolve(SHOTS, 'extension-feedback-given.png') });
    // Nothing is left to send: the queue is empty, so the one record stays one.
    await expect.poll(queueLength, { timeout: 10_000 }).toBe(0);
    expect(await storedFeedback(platform, TEXT_BLACK, 'SP-2026-001')).toHaveLength(1);
  });

  it('keeps feedback given during an outage, shows it pending, and sends it once when the platform is back', async () => {
    await platform.close();
    await overlay.openCard(`.mark[data-code="${TEXT_BLACK}"]`);
    await openFeedbackPanel();
    await giveFeedback('SP-2026-002');
    const pending = () => overlay.count('.cl-panel .cl-queued-item[data-status]');
    await expect.poll(pending, { timeout: 10_000 }).toBe(1);
    expect(await overlay.text('.cl-panel .cl-queued')).toContain('等待发送');
    await page.screenshot({ path: resolve(SHOTS, 'extension-feedback-pending.png') });
    platform = await start(port);
    await expect.poll(() => storedFeedback(platform, TEXT_BLACK, 'SP-2026-002').then((list) => list.length), { timeout: 40_000 }).toBe(1);
    await expect.poll(pending, { timeout: 15_000 }).toBe(0);
    await expect.poll(queueLength, { timeout: 10_000 }).toBe(0);
    expect(await storedFeedback(platform, TEXT_BLACK, 'SP-2026-002')).toHaveLength(1);
  }, 90_000);

  it('sends feedback queued before the service worker was stopped, once, after it wakes', async () => {
    await platform.close();
    await overlay.openCard(`.mark[data-code="${TEXT_BLACK}"]`);
    await openFeedbackPanel();
    await giveFeedback('SP-2026-003');
    await expect.poll(() => overlay.count('.cl-panel .cl-queued-item'), { timeout: 10_000 }).toBe(1);
    // Close the panel (it asks the background while something waits) and stop every service worker.
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count('.cl-panel'), { timeout: 5000 }).toBe(0);
    // Focus went back to the code, whose card it opens; Esc closes that too.
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.isVisible('.card'), { timeout: 5000 }).toBe(false);
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
    await expect.poll(() => storedFeedback(platform, TEXT_BLACK, 'SP-2026-003').then((list) => list.length), { timeout: 60_000 }).toBe(1);
    await expect.poll(queueLength, { timeout: 10_000 }).toBe(0);
    await popup.close();
    expect(await storedFeedback(platform, TEXT_BLACK, 'SP-2026-003')).toHaveLength(1);
    // Nothing given earlier was sent again.
    expect(await storedFeedback(platform, TEXT_BLACK, 'SP-2026-001')).toHaveLength(1);
    expect(await storedFeedback(platform, TEXT_BLACK, 'SP-2026-002')).toHaveLength(1);
  }, 120_000);

  it('turns the open page to disputed after an objection from the card, and back to black when it is rejected', async () => {
    const badge = `.badge[data-code="${FIELD_BLACK}"]`;
    const badgeKind = () => overlay.attribute(badge, 'data-kind');
    await expect.poll(badgeKind, { timeout: 20_000 }).toBe('black');
    await overlay.openCard(badge);
    await (await overlay.element('.card button:has-text("报告信息有误")')).click();
    const form = '.cl-panel .cl-objection-form';
    await (await overlay.element(`${form} textarea[name=reason]`)).fill('该企业已于上月履行全部义务，名单信息未更新。');
    await (await overlay.element(`${form} input[name=contact]`)).fill('027-84845678');
    await (await overlay.element(`${form} button:has-text("提交异议")`)).click();
    await expect.poll(() => overlay.text('.cl-panel'), { timeout: 10_000 }).toMatch(/异议已受理|异议核查中|暂停/);
    await expect.poll(badgeKind, { timeout: 20_000 }).toBe('disputed');
    await page.screenshot({ path: resolve(SHOTS, 'extension-objection-disputed.png') });
    const { id } = platform.db.prepare('SELECT id FROM objections WHERE code = ? AND status = ?').get(FIELD_BLACK, 'pending') as { id: string };
    const res = await fetch(`${platform.url}/api/v1/objections/${id}/resolve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${platform.tokens.admin}` },
      body: JSON.stringify({ outcome: 'rejected' }),
    });
    expect(res.status).toBe(200);
    await expect.poll(badgeKind, { timeout: 20_000 }).toBe('black');
  }, 60_000);
});
