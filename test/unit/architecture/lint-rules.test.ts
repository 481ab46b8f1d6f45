import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import direction and each folder's environment are enforced by ESLint (eslint.config.js,
// run by `npm test`). These cases show the rules fire where they must and stay quiet elsewhere.
const ROOT = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function rulesHit(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint rules of the layout', () => {
  it.each([
    [
      'core/api/probe.ts',
      "import { startPlatform } from '../../platform/start-platform.ts';\nexport const a = startPlatform;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'core/verdict/probe.ts',
      "import { createCreditLens } from '../../widget/index.ts';\nexport const a = createCreditLens;\n",
      'import-x/no-restricted-paths',
    ],
    [
      'extension/background/probe.ts',
      "import { createCreditLens } from '../../widget/index.ts';\nexport const a = createCreditLens;\n",
      'import-x/no-restricted-paths',
    ],
    ['widget/probe.ts', "import { startPlatform } from '../platform/start-platform.ts';\nexport const a = startPlatform;\n", 'import-x/no-restricted-paths'],
    [
      'platform/routes/probe.ts',
      "import { startContent } from '../../extension/content/start-content.ts';\nexport const a = startContent;\n",
      'import-x/no-restricted-paths',
    ],
    ['core/api/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'no-restricted-imports'],
    ['platform/routes/probe.ts', "import { z } from 'zod';\nexport const a = z;\n", 'no-restricted-imports'],
    ['core/query/probe.ts', 'export const a = () => document.title;\n', 'no-restricted-globals'],
    ['core/verdict/probe.ts', 'export const a = () => process.env.TZ;\n', 'no-restricted-globals'],
  ])('reports %s when it breaks the layout', async (file, code, rule) => {
    expect(await rulesHit(file, code)).toContain(rule);
  });

  it.each([
    ['core/scan/probe.ts', 'export const a = () => document.title;\n'],
    ['core/api/probe.ts', "import { z } from 'zod/mini';\nexport const a = z;\n"],
    ['extension/background/probe.ts', "import { parseUscc } from '../../core/uscc/parse-uscc.ts';\nexport const a = parseUscc;\n"],
    ['platform/routes/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
  ])('accepts %s when it keeps to the layout', async (file, code) => {
    expect(await rulesHit(file, code)).toEqual([]);
  });
});
