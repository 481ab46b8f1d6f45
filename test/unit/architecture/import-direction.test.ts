import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Imports flow one way: extension/, widget/ and platform/ import core/; core/ imports none of
// them; extension/ and widget/ never import each other.
const ROOT = resolve(import.meta.dirname, '../../..');
const FORBIDDEN: Record<string, string[]> = {
  core: ['extension', 'widget', 'platform', 'cli'],
  extension: ['widget', 'platform'],
  widget: ['extension', 'platform'],
  platform: ['extension', 'widget'],
};

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specs.map((m) => m[1] ?? m[2] ?? '');
}

describe('import direction', () => {
  it.each(Object.entries(FORBIDDEN))('keeps %s/ free of imports from %j', (folder, banned) => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, folder))) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(ROOT, resolve(join(file, '..'), spec)).split(/[\\/]/)[0] ?? '';
        if (banned.includes(target)) offenders.push(`${relative(ROOT, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('finds the source files it checks', () => {
    expect(sourceFiles(join(ROOT, 'core')).length).toBeGreaterThan(5);
  });

  it('keeps core/ off Node built-ins', () => {
    const offenders = sourceFiles(join(ROOT, 'core')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'http'].includes(spec))
        .map((spec) => `${relative(ROOT, file)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('uses zod/mini everywhere, never full zod (it calls Function(), which strict CSP forbids)', () => {
    const offenders = ['core', 'extension', 'widget', 'platform'].flatMap((folder) =>
      sourceFiles(join(ROOT, folder)).flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec === 'zod' || spec === 'zod/v4' || spec === 'zod/v3')
          .map((spec) => `${relative(ROOT, file)} → ${spec}`),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
