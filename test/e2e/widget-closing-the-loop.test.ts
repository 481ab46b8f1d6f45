/**
 * Closing the loop from the widget demo page, end to end (built widget, real platform on a
 * database file, Debian Chromium): feedback reaches the platform exactly once, also across a
 * platform outage and restart; an objection turns a black code disputed on every open page and
 * back after the admin rejects it; a check record verifies and a one-character edit does not;
 * a name that does not match its code is flagged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import { demoSubjects, SHOTS, startWidgetWorld, waitForBadges, watchPageProblems, type DemoSubject, type WidgetWorld } from './fixtures/widget-world.ts';

const DEPARTMENT_TOKEN = 'demo-department-hanyang-2018';
const ADMIN_TOKEN = 'demo-admin-hanyang-2018';
const MISMATCH_CODE = '92420105MA4K98011H';

describe('widget: feedback, objections, records, name check', () => {
  let world: WidgetWorld;
  let page: Page;
  let other: Page;
  let problems: string[];
  let subjects: Map<string, DemoSubject>;
  let dir: string;
  const code = (role: string) => subjects.get(role)!.code;
  const api = (path: string, init: RequestInit = {}) => fetch(`${world.platform.url}${path}`, init).then((r) => r.json() as Promise<Record<string, unknown>>);

  async function openDemo(): Promise<Page> {
    const p = await world.browser.context.newPage();
    await p.addInitScript((token) => {
      sessionStorage.setItem('demo-department-token', token);
      sessionStorage.setItem('demo-operator', '张明');
    }, DEPARTMENT_TOKEN);
    await p.goto(`${world.platform.url}/demo/widget-department-system.html`);
    await waitForBadges(p);
    return p;
  }

  const verdictOf = (p: Page, c: string) => p.locator(`credit-status[code="${c}"] .cl-toggle .cl-badge`).getAttribute('data-verdict');
  const waitVerdict = (p: Page, c: string, kind: string, timeout: number) =>
    p.waitForFunction(
      ([cc, k]) => document.querySelector(`credit-status[code="${cc}"]`)?.shadowRoot?.querySelector('.cl-toggle .cl-badge')?.getAttribute('data-verdict') === k,
      [c, kind] as const,
      { timeout },
    );

  async function feedbackFor(c: string, caseReference: string): Promise<unknown[]> {
    const answer = await api(`/api/v1/feedback?code=${c}&caseReference=${encodeURIComponent(caseReference)}`, {
      headers: { Authorization: `Bearer ${DEPARTMENT_TOKEN}` },
    });
    return answer.feedback as unknown[];
  }

  async function submitFeedback(p: Page, c: string, caseReference: string, outcome: string): Promise<void> {
    const el = p.locator(`credit-status[code="${c}"]`);
    if ((await el.locator('.cl-toggle').getAttribute('aria-expanded')) !== 'true') await el.locator('.cl-toggle').click();
    const form = el.locator('.cl-feedback form');
    await form.waitFor({ timeout: 15_000 });
    await form.locator('input[name="caseReference"]').fill(caseReference);
    await form.locator('fieldset').first().locator(`input[value="${outcome}"]`).check();
    await form.locator('button[type="submit"]').click();
  }

  beforeAll(async () => {
    subjects = await demoSubjects();
    dir = await mkdtemp(join(tmpdir(), 'creditlens-loop-'));
    world = await startWidgetWorld({ dbPath: join(dir, 'platform.db') });
    page = await openDemo();
    problems = await watchPageProblems(page);
  });

  afterAll(async () => {
    await world?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('returns a mismatched name flagged on the badge, in the event and in the card', async () => {
    const el = page.locator(`credit-status[code="${MISMATCH_CODE}"]`);
    await expect(el.locator('.cl-toggle .cl-mismatch').textContent()).resolves.toBe('⚠ 名称与代码不符');
    await expect(page.locator(`credit-status[code="${code('black')}"] .cl-toggle .cl-mismatch`).count()).resolves.toBe(0);
    const matches = await page.evaluate(
      (c) =>
        new Promise((resolve) => {
          const el = document.querySelector(`credit-status[code="${c}"]`)!;
          el.addEventListener('creditlens:verdict', (e) => resolve((e as CustomEvent).detail.nameMatches), { once: true });
          // Re-subscribing (same code, other spelling) announces the verdict again.
          el.setAttribute('code', c.toLowerCase());
          el.setAttribute('code', c);
        }),
      MISMATCH_CODE,
    );
    expect(matches).toBe(false);
    await el.locator('.cl-toggle').click();
    await expect(el.locator('.cl-mismatch-notice').textContent()).resolves.toContain('马跃汽车修理厂');
    await page.screenshot({ path: join(SHOTS, 'widget-name-mismatch.png') });
    await el.locator('.cl-toggle').click();
  });

  it('returns feedback from the expanded badge stored on the platform exactly once', async () => {
    await submitFeedback(page, code('black'), 'E2E-ONCE-1', 'applied');
    const el = page.locator(`credit-status[code="${code('black')}"]`);
    await el.locator('.cl-given-item').first().waitFor({ timeout: 20_000 });
    expect(await el.locator('.cl-queued-item').count()).toBe(0);
    await page.evaluate(() => window.CreditLens!.flushFeedback());
    const stored = (await feedbackFor(code('black'), 'E2E-ONCE-1')) as { outcome: string; operator: string; department: string; context: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ outcome: 'applied', operator: '张明', department: '区市场监管局', context: 'approval' });
    await page.screenshot({ path: join(SHOTS, 'widget-feedback-given.png') });
  });

  it('returns feedback given during an outage sent once after the platform restarts', async () => {
    await world.platform.close();
    await submitFeedback(page, code('black'), 'E2E-OUTAGE-1', 'exempted');
    const el = page.locator(`credit-status[code="${code('black')}"]`);
    await el.locator('.cl-queued-item').first().waitFor({ timeout: 15_000 });
    expect(await el.locator('.cl-queued-item').first().textContent()).toContain('等待发送');
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('creditlens:feedback-queue'))
        .map((k) => JSON.parse(localStorage.getItem(k)!).length),
    );
    expect(stored).toEqual([1]);
    await page.screenshot({ path: join(SHOTS, 'widget-feedback-pending.png') });

    await world.restartPlatform();
    await page.waitForFunction(
      (c) => document.querySelector(`credit-status[code="${c}"]`)?.shadowRoot?.querySelectorAll('.cl-queued-item').length === 0,
      code('black'),
      { timeout: 60_000 },
    );
    await page.evaluate(() => window.CreditLens!.flushFeedback());
    expect(await feedbackFor(code('black'), 'E2E-OUTAGE-1')).toHaveLength(1);
    expect(await feedbackFor(code('black'), 'E2E-ONCE-1')).toHaveLength(1);
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('creditlens:feedback-queue')));
    expect(left).toEqual([]);
  }, 120_000);

  it('returns disputed on every open page after an objection, and black again after the admin rejects it', async () => {
    other = await world.browser.context.newPage();
    await other.goto(`${world.platform.url}/demo/widget-department-system.html`);
    await waitForBadges(other);
    const black = code('black');
    expect(await verdictOf(other, black)).toBe('black');

    // After the outage test the page may still be recovering: start from a fresh black answer.
    await waitVerdict(page, black, 'black', 60_000);
    const el = page.locator(`credit-status[code="${black}"]`);
    if ((await el.locator('.cl-toggle').getAttribute('aria-expanded')) !== 'true') await el.locator('.cl-toggle').click();
    await el.locator('.cl-report').first().click();
    await el.locator('.cl-objection-form textarea[name="reason"]').fill('该案已执行完毕，法院已出具结案证明');
    await el.locator('.cl-objection-form input[name="contact"]').fill('027-84000000');
    await el.locator('.cl-objection-form button[type="submit"]').click();
    await waitVerdict(page, black, 'disputed', 30_000);
    // The form's own confirmation, or — once the card re-renders with the disputed entry — the entry's objection state.
    await expect(el.locator('.cl-objection-result, .cl-objection-pending').first().textContent()).resolves.toMatch(
      /^(异议已受理：惩戒措施暂停执行|核查中（暂停惩戒）)$/,
    );
    await page.screenshot({ path: join(SHOTS, 'widget-objection-accepted.png') });
    // The other page was not touched: the changes feed tells it.
    await waitVerdict(other, black, 'disputed', 60_000);
    await other.screenshot({ path: join(SHOTS, 'widget-objection-other-page.png') });

    const row = world.platform.db.prepare("SELECT id FROM objections WHERE code = ? AND status = 'pending'").get(black) as { id: string };
    const resolved = await api(`/api/v1/objections/${row.id}/resolve`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome: 'rejected', note: 'e2e' }),
    });
    expect(resolved.entryState).toBe('active');
    await waitVerdict(page, black, 'black', 60_000);
    await waitVerdict(other, black, 'black', 60_000);
  }, 180_000);

  it('returns a record from the demo page that verifies, and fails after a one-character edit', async () => {
    await page.click('#make-record');
    await page.waitForSelector('#record-verification', { timeout: 20_000 });
    expect(await page.getAttribute('#record-verification', 'data-valid')).toBe('true');
    expect(await page.textContent('#record-result')).toContain(MISMATCH_CODE);
    await page.screenshot({ path: join(SHOTS, 'widget-record-verified.png'), fullPage: true });

    const signed = (await page.evaluate(() => window.CreditLens!.record({ caseReference: 'E2E-REC-1' }))) as SignedCheckRecord;
    const item = signed.record.items.find((i) => i.code === MISMATCH_CODE)!;
    expect(item).toMatchObject({ pageName: '武汉市汉阳区马跃汽车修理厂', nameMatches: false });
    expect(signed.record.items.find((i) => i.code === code('black'))).toMatchObject({ nameMatches: true, verdict: 'black' });
    expect(signed.record).toMatchObject({ caseReference: 'E2E-REC-1', operator: '张明', department: '区市场监管局', context: 'approval' });
    const verify = (body: unknown) =>
      api('/api/v1/records/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await expect(verify(signed)).resolves.toMatchObject({ valid: true, reason: 'ok' });
    const edited = structuredClone(signed);
    const target = edited.record.items.find((i) => i.registeredName)!;
    target.registeredName = target.registeredName!.replace(/.$/, (ch) => (ch === '司' ? '同' : '司'));
    await expect(verify(edited)).resolves.toMatchObject({ valid: false, reason: 'bad-signature' });

    const csv = await page.evaluate(async (s) => window.CreditLens!.exportRecord(s, 'csv').text(), signed);
    expect(csv).toContain('不一致');
    const [print] = await Promise.all([world.browser.context.waitForEvent('page'), page.click('#record-print')]);
    await print.waitForLoadState('load');
    await print.waitForFunction(() => document.body.textContent?.includes('签名'), undefined, { timeout: 15_000 });
    await print.screenshot({ path: join(SHOTS, 'widget-record-print.png'), fullPage: true });
    expect(await print.textContent('body')).toContain(MISMATCH_CODE);
    await print.close();
  });

  it('returns no page error or CSP violation on the demo page', () => {
    // Requests refused while the platform was down are logged by the browser as failed loads.
    expect(problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
  });
});

declare global {
  interface Window {
    CreditLens?: import('../../widget/runtime/create-credit-lens.ts').CreditLens;
  }
}
