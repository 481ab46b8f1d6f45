// Lint: the import direction and the environment of each folder (STYLE.md, "Our layout"), plus
// typescript-eslint's recommended rules. Formatting is Prettier's (`npm run format`).
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Globals that tie code to Node or to a browser page; core uses neither outside scan/ and present/. */
const ENVIRONMENT_GLOBALS = [
  ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'],
  ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'chrome', 'browser'],
  ...[
    'Node',
    'Element',
    'HTMLElement',
    'MutationObserver',
    'IntersectionObserver',
    'ResizeObserver',
    'CSS',
    'Highlight',
    'customElements',
    'getComputedStyle',
    'requestAnimationFrame',
  ],
].map((name) => ({ name, message: 'core/ is environment-agnostic: pass the environment in (STYLE.md); DOM code belongs in core/scan or core/present' }));

/** Each zone: files under `target` may not import from `from`. */
const IMPORT_DIRECTION = [
  { target: './core', from: ['./extension', './widget', './platform', './cli'], message: 'core/ imports none of extension/, widget/, platform/, cli/' },
  { target: './extension', from: ['./widget', './platform', './cli'], message: 'extension/ imports core/ only' },
  { target: './widget', from: ['./extension', './platform', './cli'], message: 'widget/ imports core/ only' },
  { target: './platform', from: ['./extension', './widget', './cli'], message: 'platform/ imports core/ only' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'dist/**', 'data/**', '.bench/**', 'test-results/**', 'node_modules/**', 'platform/pages/scripts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: IMPORT_DIRECTION }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "use 'zod/mini': full zod calls Function(), which strict CSP forbids" },
            { name: 'zod/v4', message: "use 'zod/mini'" },
            { name: 'zod/v3', message: "use 'zod/mini'" },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['core/**/*.{ts,tsx}'],
    ignores: ['core/scan/**', 'core/present/**'],
    rules: {
      'no-restricted-globals': ['error', ...ENVIRONMENT_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "use 'zod/mini'" }],
          patterns: [
            { regex: '^node:', message: 'core/ is free of Node built-ins' },
            { group: ['fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process'], message: 'core/ is free of Node built-ins' },
          ],
        },
      ],
    },
  },
  {
    files: ['core/scan/**', 'core/present/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "use 'zod/mini'" }], patterns: [{ regex: '^node:', message: 'core/ is free of Node built-ins' }] },
      ],
    },
  },
  {
    // The widget's script tag and its lazily loaded rest must not import each other in a circle:
    // widget/more depends on the small interfaces in widget/contract, never on the runtime (issue 12).
    files: ['widget/**/*.{ts,tsx}'],
    // core/, platform/ and the rest never import widget/ (import direction above), so no cycle passes
    // through them: they are not parsed for this rule, which keeps it fast.
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/ignore': ['/(core|platform|extension|cli|node_modules)/'],
    },
    rules: { 'import-x/no-cycle': ['error', { maxDepth: '∞', ignoreExternal: true }] },
  },
  {
    // The platform is async through and through (issue 16): a promise nobody awaits is a write
    // nobody waits for, or an error nobody sees. Type-aware, so only here.
    files: ['platform/**/*.ts'],
    // The layout tests (test/unit/architecture/lint-rules.test.ts) lint probe files that are not on disk: no types to check there.
    ignores: ['platform/**/probe.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'import-x/no-restricted-paths': 'off',
    },
  },
);
