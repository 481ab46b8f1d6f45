/**
 * The host page is not ours: its scripts must neither read the extension's card nor make the
 * background post an objection or feedback with the department's token. The built extension in
 * Debian's Chromium on demo/approval.html, against the reference platform; the page's own world
 * is played by `page.evaluate` and `addInitScript` (both run where the page's scripts run).
 * The person uses the keyboard (trusted events; no pointer wandering over the codes under the card).
 */
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { storedFeedback } from './fixtures/stored-feedback.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { framesRendered } from './fixtures/frames-rendered.ts';
import { saveSettings } from './fixtures/save-settings.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { default: subjects } = await import('../../platform/seed/demo-subjects.json', { with: { type: 'json' } });
const role = (name: string) => (subjects as { role: string | null; code: string; name: string | null }[]).find((s) => s.role === name)!;
/** In the applicants table of approval.html (text): its card offers feedback. */
const TEXT_BLACK = role('individual-black').code;
/** In the applicant form's code field: its card offers "report inaccurate information". */
const FIELD_BLACK = role('black').code;
const CASE = 'HOSTILE-2026-001';

/** What the page world knows, recorded by a script that runs before any of the page's own. */
interface PageWorld {
  /** Every shadow root created through the page world's `attachShadow`, by host tag. */
  attached: string[];
  /** The innermost target of each `focusin` the page saw, by tag. */
  focused: string[];
}

describe('a hostile host page', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let page: Page;
  let overlay: ExtensionOverlay;

  /** Resolves after the page has rendered twice: whatever our handlers did to the card is on screen by then. */
  const rendered = () => framesRendered(page);
  const world = () => page.evaluate(() => (window as unknown as { __world: PageWorld }).__world);
  const objections = (code: string) => (platform.db.prepare('SELECT count(*) AS n FROM objections WHERE code = ?').get(code) as { n: number }).n;

  /**
   * Everything a script holding `target` (one of our elements) could try to make it act: clicks,
   * a submit event, `requestSubmit()` with and without a submitter, and edits with change events.
   */
  const attack = (target: ElementHandle<Element>) =>
    page.evaluate((el) => {
      const form = el.closest('form');
      const button = (form?.querySelector('button[type=submit]') ?? el) as HTMLButtonElement;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      form?.requestSubmit();
      if (button.type === 'submit') form?.requestSubmit(button);
      for (const field of form?.querySelectorAll<HTMLInputElement>('input[type=text], textarea') ?? []) {
        field.value = `${field.value} (edited by the page)`;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
      }
      form?.querySelector('button[type=submit]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }, target);

  /**
   * The page rides the person's own gestures: its window listeners (which a person's events reach
   * before and after the card's own) submit the form it holds whenever the person presses anything.
   */
  const rideKeyPresses = (form: ElementHandle<Element>) =>
    page.evaluate((held) => {
      const ride = () => held.requestSubmit();
      for (const type of ['keydown', 'keypress', 'keyup', 'click', 'input', 'change']) {
        window.addEventListener(type, ride, true);
        window.addEventListener(type, ride);
      }
    }, form as ElementHandle<HTMLFormElement>);

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, seed: true, staticDirs: [{ prefix: '/demo/', dir: resolve(ROOT, 'demo') }] });
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
    // A page that tries to catch every shadow root before anyone else can make one.
    await page.addInitScript(() => {
      const world: PageWorld = { attached: [], focused: [] };
      (window as unknown as { __world: PageWorld }).__world = world;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        world.attached.push(this.localName);
        return attach.call(this, { ...init, mode: 'open' });
      };
      document.addEventListener('focusin', (e) => world.focused.push((e.composedPath()[0] as Element).localName), true);
    });
    await page.goto(`${platform.url}/demo/approval.html`);
    overlay = extensionOverlay(page);
    await overlay.element(`.badge[data-code="${FIELD_BLACK}"][data-kind=black]`, 20_000);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close().catch(() => undefined);
  });

  it('cannot see into the overlay: no shadow root, no hook on attachShadow, events retargeted to the host', async () => {
    await overlay.openCard(`.mark[data-code="${TEXT_BLACK}"]`);
    // The list snapshot may paint the verdict first; the registered name comes with the full answer.
    await expect.poll(() => overlay.text('.card'), { timeout: 15_000 }).toContain(role('individual-black').name);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('creditlens-overlay')!;
      return {
        shadowRoot: host.shadowRoot,
        activeElement: document.activeElement?.localName,
        text: document.documentElement.textContent ?? '',
        innerText: document.body.innerText,
      };
    });
    expect(seen.shadowRoot).toBeNull();
    // The content script runs in its own world: the page's patched prototype never saw our root.
    expect((await world()).attached).not.toContain('creditlens-overlay');
    // Focus inside the card shows up as focus on the host, nothing deeper.
    expect(seen.activeElement).toBe('creditlens-overlay');
    expect((await world()).focused).toContain('creditlens-overlay');
    expect((await world()).focused.filter((tag) => tag === 'button' || tag === 'input')).toEqual([]);
    for (const text of [seen.text, seen.innerText]) {
      expect(text).not.toContain('报告信息有误');
      expect(text).not.toContain('反馈人');
    }
    await page.keyboard.press('Escape');
  });

  it('cannot file an objection by clicking or submitting the card’s form, even holding its elements', async () => {
    await overlay.openCard(`.badge[data-code="${FIELD_BLACK}"]`);
    const report = await overlay.element('button.cl-report');
    // The page "clicks" the report button: the form does not even open.
    await attack(report);
    await rendered();
    expect(await overlay.count('.cl-objection-form')).toBe(0);
    // A person opens it and fills it in; then the page tries every way to send it.
    await report.press('Enter');
    await (await overlay.element('.cl-objection-form textarea[name=reason]')).fill('该企业已履行全部义务。');
    await (await overlay.element('.cl-objection-form input[name=contact]')).fill('027-84845678');
    const form = await overlay.element('.cl-objection-form');
    await attack(form);
    await rendered();
    await rideKeyPresses(form);
    await (await overlay.element('.cl-objection-form input[name=contact]')).press('End');
    await rendered();
    // A submit that got through would have started sending, which the form shows at once.
    expect(await overlay.attribute('.cl-objection-form button[type=submit]', 'aria-disabled')).toBeNull();
    expect(objections(FIELD_BLACK)).toBe(0);
    expect(await overlay.count('.cl-objection-result')).toBe(0);
    expect(await overlay.attribute(`.badge[data-code="${FIELD_BLACK}"]`, 'data-kind')).toBe('black');
    // The same form, submitted by the person, goes through (the attack was refused, not broken),
    // with what the person typed: the page's edits never reached the form's state.
    await (await overlay.element('.cl-objection-form button[type=submit]')).press('Enter');
    // Accepted, not "already under review": no objection of the page's went before it.
    await overlay.element('.cl-objection-result', 10_000);
    expect(objections(FIELD_BLACK)).toBe(1);
    expect(platform.db.prepare('SELECT reason, contact FROM objections WHERE code = ?').get(FIELD_BLACK)).toEqual({
      reason: '该企业已履行全部义务。',
      contact: '027-84845678',
    });
    await page.keyboard.press('Escape');
  }, 60_000);

  it('cannot give feedback by clicking or submitting the card’s form, even holding its elements', async () => {
    await overlay.openCard(`.mark[data-code="${TEXT_BLACK}"]`);
    // The feedback form lives in a pinned panel the card's button opens: the page "clicking" it opens nothing.
    const open = await overlay.element('.card button.cl-open-feedback');
    await attack(open);
    await rendered();
    expect(await overlay.count('.cl-panel .cl-feedback')).toBe(0);
    await open.press('Enter');
    const caseField = await overlay.element('.cl-panel .cl-feedback input[name=caseReference]');
    await caseField.fill(CASE);
    await (await overlay.element('.cl-panel .cl-feedback fieldset.cl-choice input[value=applied]')).press('Space');
    const form = await overlay.element('.cl-panel .cl-feedback form');
    await attack(form);
    await rendered();
    await rideKeyPresses(form);
    await caseField.press('End');
    await caseField.press('Shift');
    await (await overlay.element('.cl-panel .cl-feedback textarea[name=note]')).press('Enter');
    await rendered();
    // A submit that got through would have started sending or queued a draft, which the form shows at once.
    expect(await overlay.attribute('.cl-panel .cl-feedback button[type=submit]', 'aria-disabled')).toBeNull();
    expect(await overlay.count('.cl-panel .cl-feedback .cl-queued-item')).toBe(0);
    expect(await overlay.count('.cl-panel .cl-feedback .cl-message')).toBe(0);
    expect(await storedFeedback(platform, TEXT_BLACK, CASE)).toEqual([]);
    await (await overlay.element('.cl-panel .cl-feedback button[type=submit]')).press('Enter');
    await expect.poll(() => storedFeedback(platform, TEXT_BLACK, CASE).then((list) => list.length), { timeout: 15_000 }).toBeGreaterThan(0);
    // The queue sends in order: once it is empty, anything the page had slipped in would be stored too.
    await expect.poll(() => overlay.count('.cl-panel .cl-feedback .cl-queued-item'), { timeout: 15_000 }).toBe(0);
    expect((await storedFeedback(platform, TEXT_BLACK, CASE)).map((f) => [f.operator, f.outcome])).toEqual([['王立', 'applied']]);
  }, 60_000);
});
