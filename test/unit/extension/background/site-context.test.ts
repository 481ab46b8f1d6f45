import { describe, expect, it } from 'vitest';
import { matchesPattern, siteContext } from '../../../../extension/background/site-context.ts';

describe('matchesPattern', () => {
  it.each([
    ['https://oa.example.gov.cn/approval/1', '*://oa.example.gov.cn/*', true],
    ['http://oa.example.gov.cn/', '*://oa.example.gov.cn/*', true],
    ['https://a.b.example.gov.cn/x', '*://*.example.gov.cn/*', true],
    ['https://example.gov.cn/x', '*://*.example.gov.cn/*', true],
    ['https://evil-example.gov.cn/x', '*://*.example.gov.cn/*', false],
    ['https://oa.example.gov.cn/other', 'https://oa.example.gov.cn/approval/*', false],
    ['http://127.0.0.1:8787/demo/a.html', 'http://127.0.0.1/*', true],
    ['ftp://oa.example.gov.cn/', '*://oa.example.gov.cn/*', false],
    ['not a url', '*://oa.example.gov.cn/*', false],
  ])('%s against %s is %s', (url, pattern, expected) => {
    expect(matchesPattern(url, pattern)).toBe(expected);
  });
});

describe('siteContext', () => {
  const sites = [{ pattern: '*://cg.example.gov.cn/*', context: 'procurement' as const }];
  it('returns the configured context when a site matches', () => {
    expect(siteContext('https://cg.example.gov.cn/x', sites, 'approval')).toBe('procurement');
  });
  it('returns the page hint when no site matches', () => {
    expect(siteContext('https://other.gov.cn/', sites, 'approval')).toBe('approval');
  });
  it('returns general without either', () => {
    expect(siteContext('https://other.gov.cn/', sites, null)).toBe('general');
  });
});
