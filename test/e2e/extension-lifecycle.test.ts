/**
 * Issue 11 in the browser, one test per rule staff can see: re-importing the published list keeps
 * an open page's disputed entry disputed; a mistyped bidder code next to its bidder is never clear;
 * a pending credit repair, a listing not yet in force and a red entry under objection show on the
 * card as what they are. The built extension in Chromium (department token) against the reference
 * platform with its demo data (platform/seed/demo-subjects.json lists the states).
 */
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusResponse } from '../../core/api/status-schema.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { USCC_CHARSET } from '../../core/uscc/uscc-charset.ts';
import { importList } from '../../platform/import/import-list.ts';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.ts';
import { extensionOverlay, type ExtensionOverlay } from './fixtures/extension-overlay.ts';
import { highlightKindOf as kindOf } from './fixtures/highlight-kind.ts';
import { launchChromium, type LaunchedChromium } from './fixtures/launch-chromium.ts';
import { lifecyclePageCodes } from './fixtures/lifecycle-page-codes.ts';
import { renderPages } from './fixtures/render-pages.ts';
import { saveSettings } from './fixtures/save-settings.ts';

/** The same code with another check character that makes it suspect (only the check character wrong). */
function mistype(code: string): string {
  for (const c of USCC_CHARSET) {
    const candidate = code.slice(0, 17) + c;
    if (candidate !== code && parseUscc(candidate).validity === 'suspect') return candidate;
  }
  throw new Error('no suspect variant');
}

describe('list entries over their life, on an open page', () => {
  let platform: RunningPlatform;
  let chromium: LaunchedChromium;
  let page: Page;
  let overlay: ExtensionOverlay;
  let pagesDir: string;
  const codes: Record<string, string> = {};

  const card = async (code: string) => {
    await page.locator('h1').click();
    await overlay.openCard(`.mark[data-code="${code}"]`);
    const text = (await overlay.text('.card')) ?? '';
    await page.keyboard.press('Escape');
    return text;
  };

  beforeAll(async () => {
    Object.assign(codes, await lifecyclePageCodes(mistype));
    pagesDir = await renderPages(codes, ['lifecycle.html']);
    platform = await startPlatform({ port: 0, seed: true, log: false, staticDirs: [{ prefix: '/e2e/', dir: pagesDir }] });
    chromium = await launchChromium({ extension: true });
    await saveSettings(chromium.serviceWorker!, {
      platformUrl: platform.url,
      token: platform.tokens.department,
      sites: [],
      freshnessMinutes: 5,
      changesPollSeconds: 1,
    });
    page = await chromium.context.newPage();
    await page.goto(`${platform.url}/e2e/lifecycle.html`);
    overlay = extensionOverlay(page);
  });

  afterAll(async () => {
    await chromium?.close();
    await platform?.close().catch(() => undefined);
    if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
  });

  it('returns disputed on an open page after the published list is imported again', async () => {
    await expect.poll(() => kindOf(page, codes.disputed!), { timeout: 20_000 }).toBe('disputed');
    await expect.poll(() => kindOf(page, codes.joining!), { timeout: 20_000 }).toBe('clear');
    // The department refreshes the list it published: the disputed entry's row again (same code,
    // list, category, document number), and a new row for a subject on the page.
    const answer = (await (
      await fetch(`${platform.url}/api/v1/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${platform.tokens.admin}` },
        body: JSON.stringify({ codes: [codes.disputed] }),
      })
    ).json()) as StatusResponse;
    const result = answer.results[0]!;
    if ('error' in result) throw new Error(result.error.message);
    const entry = result.entries.find((e) => e.state === 'disputed')!;
    expect(entry.objection?.status).toBe('pending');
    const headers = ['主体名称', '统一社会信用代码', '名单类型', '列入类别', '列入原因', '认定依据', '文书号', '认定部门', '列入日期', '有效期至'];
    const rows = [
      [
        codes['disputed-name']!,
        codes.disputed!,
        '黑名单',
        entry.category,
        `${entry.facts}（重新发布）`,
        entry.legalBasis,
        entry.documentNumber ?? '',
        entry.department,
        entry.listedOn,
        entry.validUntil ?? '',
      ],
      [
        codes['joining-name']!,
        codes.joining!,
        '黑名单',
        '失信被执行人',
        '拒不履行生效判决（e2e）',
        '实施方案',
        '（2026）鄂0105执9999号',
        '区人民法院',
        '2026-01-05',
        '',
      ],
    ];
    const report = await importList(platform.repos, { headers, rows });
    expect(report.rejected).toEqual([]);
    expect(report.imported).toBe(1);
    expect(report.kept.map((k) => k.code)).toContain(codes.disputed);
    // The page follows the changes feed: the new listing arrives…
    await expect.poll(() => kindOf(page, codes.joining!), { timeout: 20_000 }).toBe('black');
    // …and the entry under objection stays disputed, its punishments suspended.
    await page.waitForTimeout(2_000);
    expect(await kindOf(page, codes.disputed!)).toBe('disputed');
    const text = await card(codes.disputed!);
    expect(text).toContain('异议');
    expect(text).toContain('暂停');
  }, 60_000);

  it('returns invalid, never clear, for a mistyped code next to its bidder', async () => {
    await expect.poll(() => kindOf(page, codes.mistyped!), { timeout: 20_000 }).toBe('invalid');
    const flagged = await page.evaluate(() =>
      [...(CSS.highlights.get('creditlens-suspect') ?? [])].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)),
    );
    expect(flagged).toContain(codes.mistyped);
    const text = await card(codes.mistyped!);
    expect(text).toContain('校验位错误，平台无此代码，请核对');
    expect(text).not.toContain('未列入');
  }, 30_000);

  it('returns 信用修复申请审核中 on the card of a black entry whose repair is pending, with its responsible persons masked', async () => {
    await expect.poll(() => kindOf(page, codes['repair-pending']!), { timeout: 20_000 }).toBe('black');
    const text = await card(codes['repair-pending']!);
    expect(text).toContain('信用修复申请审核中');
    expect(text).toContain('落实到人');
    // A department token gets ID numbers masked (no purpose stated).
    expect(text).toMatch(/法定代表人：[^；]*（\d{4}\*+[\dX]{4}）/);
  }, 30_000);

  it('returns a listing dated in the future as 未生效, and the subject clear', async () => {
    await expect.poll(() => kindOf(page, codes['future-listing']!), { timeout: 20_000 }).toBe('clear');
    const text = await card(codes['future-listing']!);
    expect(text).toContain('未生效');
    expect(text).toContain('尚未生效的记录');
  }, 30_000);

  it('returns a red entry under objection as disputed, never 未列入', async () => {
    await expect.poll(() => kindOf(page, codes['red-disputed']!), { timeout: 20_000 }).toBe('disputed');
    const text = await card(codes['red-disputed']!);
    expect(text).toContain('暂停适用激励措施');
    expect(text).not.toContain('未列入');
  }, 30_000);
});
