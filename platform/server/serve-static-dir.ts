import { realpathSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Content types the pages and tests rely on (mime's own list says application/javascript for .js). */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves the files of `dir` under `prefix` (e.g. `/demo/`) with @fastify/static, if the folder
 * exists when asked: other parts of the project build these folders. A folder answers its
 * index.html (`/demo` redirects to `/demo/`), never a list of its files; files go out with
 * `Cache-Control: no-cache` (and ETag / Last-Modified, so a reload is a 304). @fastify/static
 * refuses `..` and encoded traversal; a symlink that leads out of `dir` is refused here (404).
 */
export async function serveStaticDir(app: FastifyInstance, prefix: string, dir: string): Promise<void> {
  const root = resolve(dir);
  await app.register(fastifyStatic, {
    root,
    // Without its slash, so @fastify/static also answers `/demo` with a redirect to `/demo/`.
    prefix: prefix.replace(/\/+$/, ''),
    decorateReply: false,
    redirect: true,
    list: false,
    index: ['index.html'],
    cacheControl: false,
    allowedPath: (pathname) => staysInside(root, pathname),
    setHeaders: (reply, path) => {
      reply.header('Cache-Control', 'no-cache');
      const type = TYPES[extname(path).toLowerCase()];
      if (type) reply.header('Content-Type', type);
    },
  });
}

/** True unless `pathname` under `root` resolves (through symlinks) to a place outside it; a missing file is left to the 404. */
function staysInside(root: string, pathname: string): boolean {
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(join(root, pathname));
  } catch {
    return true;
  }
  return real === realRoot || real.startsWith(realRoot + sep);
}
