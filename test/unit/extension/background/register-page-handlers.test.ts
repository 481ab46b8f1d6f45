/** Issue 10 finding 3 in the background: a tab asking for more distinct codes in a minute than the limit is paused until the person goes on. */
import { describe, expect, it, vi } from 'vitest';
import { createTabBudget } from '../../../../extension/background/create-tab-budget.ts';
import type { VerdictService } from '../../../../extension/background/create-verdict-service.ts';
import { createFrameRegistry } from '../../../../extension/background/frame-registry.ts';
import { registerPageHandlers } from '../../../../extension/background/register-page-handlers.ts';
import { toCodeView } from '../../../../extension/background/to-code-view.ts';
import type { CodeView, LookupResponse, TabFindings } from '../../../../extension/messaging/protocol.ts';
import type { Result } from '../../../../extension/messaging/result.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';
import { fakeMessenger } from '../fake-messenger.ts';

const codes = Array.from({ length: 5 }, (_, i) => withUsccCheck(`91420105MA4K0000${i}`));
const PAGE = { tab: { id: 7 }, frameId: 0, url: 'http://127.0.0.1/a' };
const POPUP = { url: 'chrome-extension://x/popup.html' };

function setup(limit: number) {
  const m = fakeMessenger(PAGE);
  const watch = vi.fn();
  const release = vi.fn();
  const pushed: { tabId: number; frameId: number; views: CodeView[] }[] = [];
  const frames = createFrameRegistry();
  registerPageHandlers({
    ready: Promise.resolve(),
    frames,
    service: () => ({ watch, release, peek: () => null }) as unknown as VerdictService,
    settings: () => parseStoredSettings({}),
    view: (code, context) => toCodeView(code, null, context, null, null),
    budget: createTabBudget({ limit: () => limit }),
    push: (tabId, frameId, views) => pushed.push({ tabId, frameId, views }),
    messenger: m,
  });
  return { m, watch, release, pushed, frames };
}

describe('registerPageHandlers reportFindings', () => {
  it('releases the codes the frame painted with a verdict (their full answers are asked now), not those still pending', async () => {
    const { m, release } = setup(10);
    await m.deliver('frameConfig', { url: PAGE.url, contextHint: null });
    const finding = (code: string, kind: string) => ({ code, validity: 'valid', kind, name: null, count: 1 });
    await m.deliver('reportFindings', { url: PAGE.url, findings: [finding(codes[0]!, 'black'), finding(codes[1]!, 'pending'), finding(codes[2]!, 'clear')] });
    expect(release.mock.calls).toEqual([[[codes[0], codes[2]]]]);
  });
});

describe('registerPageHandlers lookup', () => {
  it('returns paused unknown views for codes past the limit, never asking for them, and a notice for the popup', async () => {
    const { m, watch, frames } = setup(3);
    await m.deliver('frameConfig', { url: PAGE.url, contextHint: null });
    const answer = await m.deliver<Result<LookupResponse>>('lookup', { codes: codes.map((code) => ({ code, validity: 'valid' })) });
    if (!answer.ok) throw new Error('lookup failed');
    expect(answer.value.views.map((v) => [v.verdict.kind, v.verdict.reason.code])).toEqual([
      ['pending', 'checking'],
      ['pending', 'checking'],
      ['pending', 'checking'],
      ['unknown', 'paused'],
      ['unknown', 'paused'],
    ]);
    expect(watch.mock.calls.flat(2)).toEqual(codes.slice(0, 3));
    expect([...frames.allCodes()]).toEqual(codes.slice(0, 3));
    const findings = await m.deliver<Result<TabFindings>>('getTabFindings', { tabId: 7 }, POPUP);
    expect(findings.ok && findings.value.paused).toEqual({ held: 2, limit: 3 });
  });

  it('returns the held codes asked for and pushed to their frame once the person resumes', async () => {
    const { m, watch, pushed } = setup(3);
    await m.deliver('frameConfig', { url: PAGE.url, contextHint: null });
    await m.deliver('lookup', { codes: codes.map((code) => ({ code, validity: 'valid' })) });
    // A content script may not resume its own tab.
    expect(await m.deliver('resumeTab', { tabId: 7 })).toMatchObject({ ok: false, error: { kind: 'permission' } });
    expect(await m.deliver('resumeTab', { tabId: 7 }, POPUP)).toEqual({ ok: true, value: { codes: 2 } });
    expect(watch.mock.calls.at(-1)![0]).toEqual(codes.slice(3));
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.views.map((v) => v.code)).toEqual(codes.slice(3));
    const findings = await m.deliver<Result<TabFindings>>('getTabFindings', { tabId: 7 }, POPUP);
    expect(findings.ok && findings.value.paused).toBeNull();
  });

  it('answers in the context frameConfig settled on, whatever context a message claims', async () => {
    const { m } = setup(500);
    const config = await m.deliver<Result<{ context: string }>>('frameConfig', { url: PAGE.url, contextHint: 'procurement' });
    expect(config.ok && config.value.context).toBe('procurement');
    const answer = await m.deliver<Result<LookupResponse>>('lookup', {
      codes: codes.slice(0, 2).map((code) => ({ code, validity: 'valid' })),
      context: 'approval',
    });
    if (!answer.ok) throw new Error('lookup failed');
    expect(answer.value.views.map((v) => v.context)).toEqual(['procurement', 'procurement']);
  });

  it('refuses a lookup whose validity does not match its code, and answers an invalid code without asking for it', async () => {
    const { m, watch } = setup(500);
    await m.deliver('frameConfig', { url: PAGE.url, contextHint: null });
    const wrong = codes[0]!.slice(0, 17) + (codes[0]!.endsWith('0') ? '1' : '0');
    expect(await m.deliver('lookup', { codes: [{ code: wrong, validity: 'valid' }] })).toMatchObject({ ok: false, error: { kind: 'invalid-message' } });
    const answer = await m.deliver<Result<LookupResponse>>('lookup', { codes: [{ code: 'ABCDEFGHIJKLMNOPQR', validity: 'invalid' }] });
    if (!answer.ok) throw new Error('lookup failed');
    expect(answer.value.views.map((v) => v.validity)).toEqual(['invalid']);
    expect(watch.mock.calls.flat(2)).toEqual([]);
  });

  it('returns no pause for a page within the limit', async () => {
    const { m, watch } = setup(500);
    await m.deliver('frameConfig', { url: PAGE.url, contextHint: null });
    await m.deliver('lookup', { codes: codes.map((code) => ({ code, validity: 'valid' })) });
    expect(watch.mock.calls.flat(2)).toEqual(codes);
    const findings = await m.deliver<Result<TabFindings>>('getTabFindings', { tabId: 7 }, POPUP);
    expect(findings.ok && findings.value.paused).toBeNull();
  });
});
