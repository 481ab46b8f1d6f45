import { describe, expect, it } from 'vitest';
import { originPatternOf, toMatchPattern } from '../../../../extension/settings/to-match-pattern.ts';

describe('toMatchPattern', () => {
  it.each([
    ['oa.example.gov.cn', '*://oa.example.gov.cn/*'],
    ['  https://oa.example.gov.cn  ', 'https://oa.example.gov.cn/*'],
    ['https://oa.example.gov.cn/approval/', 'https://oa.example.gov.cn/approval/*'],
    ['https://oa.example.gov.cn/approval/list.do?id=3#top', 'https://oa.example.gov.cn/approval/list.do*'],
    ['http://127.0.0.1:8787/demo/', 'http://127.0.0.1/demo/*'],
    ['*.example.gov.cn', '*://*.example.gov.cn/*'],
    ['HTTPS://OA.Example.GOV.cn/*', 'https://oa.example.gov.cn/*'],
  ])('turns %j into %j', (input, pattern) => {
    expect(toMatchPattern(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://files.example.gov.cn', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['https://', 'host'],
    ['https://user@oa.example.gov.cn', 'host'],
    ['https://a b.cn', 'host'],
    ['https://oa.*.cn', 'host'],
  ])('refuses %j as %s', (input, kind) => {
    expect(toMatchPattern(input)).toEqual({ ok: false, error: { kind } });
  });
});

describe('originPatternOf', () => {
  it('returns the host pattern without the port', () => {
    expect(originPatternOf('https://credit.example.gov.cn:8443/base/')).toBe('https://credit.example.gov.cn/*');
  });
});
