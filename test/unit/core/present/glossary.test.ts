import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CONTEXTS } from '../../../../core/api/check-context-schema.ts';
import { badgeText } from '../../../../core/present/badge-text.ts';
import { glossary } from '../../../../core/present/glossary.ts';
import { presentText } from '../../../../core/present/present-text.ts';
import { suspectLabel } from '../../../../core/scan/suspect-label.ts';
import { CONTEXT_LABELS } from '../../../../platform/pages/context-labels.ts';

const ROOT = new URL('../../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx|json|html|js)$/.test(name) ? [path] : [];
  });
}

describe('glossary', () => {
  it.each(['zh-CN', 'en'] as const)('names every context, outcome and entry state in %s', (locale) => {
    const g = glossary(locale);
    for (const c of CHECK_CONTEXTS) expect(g.contexts[c]).toMatch(/\S/);
    for (const o of ['applied', 'not-applicable', 'exempted'] as const) expect(g.outcomes[o]).toMatch(/\S/);
    for (const s of ['active', 'disputed', 'exited', 'expired', 'revoked', 'upcoming'] as const) expect(g.entryStates[s]).toMatch(/\S/);
  });

  it('gives red and black entries distinct fact labels', () => {
    expect(glossary('zh-CN').facts).toEqual({ black: '失信事实', red: '守信事实' });
    expect(glossary('en').facts.black).not.toBe(glossary('en').facts.red);
  });

  it('is what the card, the page scan and the printed record say', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(presentText(locale).contexts).toEqual(glossary(locale).contexts);
      expect(presentText(locale).unnamed).toBe(glossary(locale).unnamed);
      expect(suspectLabel(locale)).toBe(glossary(locale).suspect.short);
      expect(badgeText(locale).suspectQualifier).toBe(glossary(locale).suspect.short);
    }
    for (const c of CHECK_CONTEXTS) expect(CONTEXT_LABELS[c]).toContain(glossary('zh-CN').contexts[c]);
  });

  it('leaves no second name for one state in any surface (issue 14)', () => {
    const retired = ['校验位可疑', '代码存疑', '（未知）', '（平台未收录）', '政府采购与公共资源交易', "'豁免'", '豁免 exempted', '失信/守信', '"context_'];
    const files = ['core', 'extension', 'widget', 'platform', 'cli', 'demo'].flatMap(sources).filter((f) => !f.endsWith('glossary.ts'));
    const hits = files.flatMap((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return retired.filter((w) => text.includes(w)).map((w) => `${f}: ${w}`);
    });
    expect(hits).toEqual([]);
  });
});
