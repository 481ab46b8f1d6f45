import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presentLocale } from '../../../../core/present/present-locale.ts';
import { formatInstant } from '../../../../core/present/format-instant.ts';

const DIR = resolve(import.meta.dirname, '../../../../core/present');
const sources = readdirSync(DIR).filter((f) => /\.tsx?$/.test(f));

describe('core/present', () => {
  it('imports in Node without browser globals', async () => {
    for (const file of sources) await expect(import(join(DIR, file))).resolves.toBeTruthy();
  });

  it.each(sources)('returns no HTML injection or inline styles in %s', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    expect(text).not.toMatch(/dangerouslySetInnerHTML|innerHTML|\bstyle=\{/);
  });
});

describe('presentLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['', 'zh-CN'],
    [null, 'zh-CN'],
    ['fr', 'zh-CN'],
    ['eng', 'zh-CN'],
  ])('returns the locale for %j', (lang, expected) => {
    expect(presentLocale(lang)).toBe(expected);
  });
});

describe('formatInstant', () => {
  it.each([
    ['2026-03-01T02:00:00.000Z', '2026-03-01 10:00'],
    ['2026-03-01T16:30:00.000Z', '2026-03-02 00:30'],
    ['2026-03-01T10:00:00+08:00', '2026-03-01 10:00'],
    ['garbage', 'garbage'],
  ])('returns China time for %s', (iso, expected) => {
    expect(formatInstant(iso)).toBe(expected);
  });
});
