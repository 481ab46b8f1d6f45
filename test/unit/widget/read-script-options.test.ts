/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { readScriptOptions } from '../../../widget/tag/read-script-options.ts';

function script(attrs: Record<string, string>): HTMLScriptElement {
  const el = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

describe('readScriptOptions', () => {
  it.each<[Record<string, string>, object, string | null]>([
    [
      { 'data-platform': 'https://credit.example.gov.cn', 'data-context': 'procurement' },
      { platform: 'https://credit.example.gov.cn', context: 'procurement' },
      null,
    ],
    [{ src: 'https://credit.example.gov.cn/widget/credit-lens.js' }, { platform: 'https://credit.example.gov.cn' }, null],
    [{ 'data-platform': 'https://p.example', 'data-context': 'nowhere' }, { platform: 'https://p.example' }, null],
    [{ 'data-platform': 'https://p.example', 'data-freshness': '60' }, { platform: 'https://p.example', freshness: 60_000 }, null],
    [{ 'data-platform': 'https://p.example', 'data-freshness': 'soon' }, { platform: 'https://p.example' }, null],
    [{ 'data-platform': 'https://p.example', 'data-lang': 'en' }, { platform: 'https://p.example', lang: 'en' }, null],
    [{ 'data-platform': 'https://p.example', 'data-scan': '' }, { platform: 'https://p.example' }, ''],
    [{ 'data-platform': 'https://p.example', 'data-snapshot': '' }, { platform: 'https://p.example', snapshot: true }, null],
    [{ 'data-platform': 'https://p.example', 'data-snapshot': 'true' }, { platform: 'https://p.example', snapshot: true }, null],
    [{ 'data-platform': 'https://p.example', 'data-snapshot': 'False' }, { platform: 'https://p.example', snapshot: false }, null],
    [{ 'data-platform': 'https://p.example', 'data-scan': '#applicants' }, { platform: 'https://p.example' }, '#applicants'],
  ])('returns the options for %j', (attrs, options, scan) => {
    const read = readScriptOptions(script(attrs), window);
    expect(read.options).toEqual(options);
    expect(read.scan).toBe(scan);
  });

  it('returns empty options without a script (module or dynamic insertion)', () => {
    expect(readScriptOptions(null, window)).toEqual({ options: {}, scan: null });
  });

  it('returns a tokenProvider that calls the named global when a token is needed', async () => {
    const read = readScriptOptions(script({ 'data-platform': 'https://p.example', 'data-token-provider': 'hostToken' }), window);
    (window as unknown as Record<string, unknown>).hostToken = async () => 'short-lived';
    await expect(read.options.tokenProvider!()).resolves.toBe('short-lived');
    delete (window as unknown as Record<string, unknown>).hostToken;
    await expect(read.options.tokenProvider!()).rejects.toThrow('hostToken');
  });
});
