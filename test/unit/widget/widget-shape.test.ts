import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The widget's folders say what the script tag carries (tag/, runtime/, element/, contract/) and
// what loads on first use (more/). These tests keep that shape: no import cycle — counting type
// imports and `typeof import()`, which the lint rule (import-x/no-cycle) lets pass — and the
// lazy part depends only on the small interfaces in contract/, never on the runtime.
const ROOT = resolve(import.meta.dirname, '../../..');
const WIDGET = join(ROOT, 'widget');

function widgetFiles(dir = WIDGET): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? widgetFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every relative module a file names: static, type-only, re-exported, dynamic and `typeof import()`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs.map((spec) => resolve(dirname(file), spec)).filter((path) => path.startsWith(WIDGET));
}

const rel = (path: string): string => relative(WIDGET, path);

describe('widget shape', () => {
  const graph = new Map(widgetFiles().map((f) => [f, importsOf(f)]));

  it('returns no import cycle among the widget files, type imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the lazy part on the small interfaces: more/ imports only more/, contract/, element/ leaves and core', () => {
    for (const [file, deps] of graph) {
      const from = rel(file);
      for (const dep of deps.map(rel)) {
        if (from.startsWith('more/')) expect(dep, `${from} → ${dep}`).toMatch(/^(more|contract)\/|^element\/(page-locale|credit-status-toggle)\./);
        if (from.startsWith('contract/')) expect(dep, `${from} → ${dep}`).toMatch(/^contract\//);
        if (from.startsWith('element/')) expect(dep, `${from} → ${dep}`).toMatch(/^(element|contract)\//);
      }
    }
  });

  it('reports an import cycle through the lazy loader in lint (import-x/no-cycle)', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    // scan-container.ts importing the runtime, which loads more.ts, which re-exports scan-container.ts.
    const code = "import { createCreditLensCore } from '../runtime/create-credit-lens-core.ts';\nexport const a = createCreditLensCore;\n";
    const [result] = await eslint.lintText(code, { filePath: join(WIDGET, 'more/scan-container.ts') });
    expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    const [clean] = await eslint.lintFiles([join(WIDGET, 'more/scan-container.ts')]);
    expect(clean!.messages.filter((m) => m.ruleId === 'import-x/no-cycle')).toEqual([]);
  }, 60_000);
});
