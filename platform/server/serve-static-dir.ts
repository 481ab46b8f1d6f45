import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../pages/escape-html.ts';
import { ApiError } from './api-error.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.map': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2',
};

/**
 * Serves the files of `dir` under `prefix` (e.g. `/demo/`), if the folder exists when asked: other
 * parts of the project build these folders. Paths are resolved and checked (also through symlinks)
 * to stay inside `dir`; a folder answers its index.html, or a plain list of its files.
 */
export function serveStaticDir(app: FastifyInstance, prefix: string, dir: string): void {
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const root = resolve(dir);
  app.get(base.slice(0, -1), async (_request, reply) => reply.redirect(base, 301));
  app.get<{ Params: { '*': string } }>(`${base}*`, async (request, reply) => {
    const relative = request.params['*'] ?? '';
    if (relative.includes('\0')) throw new ApiError(400, 'bad_request', 'bad path');
    let file = resolve(root, `.${sep}${relative}`);
    if (file !== root && !file.startsWith(root + sep)) throw new ApiError(404, 'not_found', 'no such file');
    let info;
    try {
      const real = await realpath(file);
      const realRoot = await realpath(root);
      if (real !== realRoot && !real.startsWith(realRoot + sep)) throw new ApiError(404, 'not_found', 'no such file');
      info = await stat(real);
      file = real;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(404, 'not_found', 'no such file');
    }
    if (info.isDirectory()) {
      if (!request.url.split('?')[0]!.endsWith('/')) return reply.redirect(`${request.url.split('?')[0]}/`, 301);
      try {
        const html = await readFile(join(file, 'index.html'));
        return reply.type(TYPES['.html']!).send(html);
      } catch {
        const names = (await unreadable(readdir(file, { withFileTypes: true }))).map((d) => (d.isDirectory() ? `${d.name}/` : d.name)).sort();
        const items = names.map((n) => `<li><a href="${escapeHtml(encodeURI(n))}">${escapeHtml(n)}</a></li>`).join('');
        return reply.type(TYPES['.html']!).send(`<!doctype html><meta charset="utf-8"><title>${escapeHtml(base)}</title><h1>${escapeHtml(base)}</h1><ul>${items}</ul>`);
      }
    }
    reply.header('Cache-Control', 'no-cache');
    return reply.type(TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream').send(await unreadable(readFile(file)));
  });
}

/** A file or folder that exists but cannot be read (permissions, a race with deletion) is 404, not 500. */
async function unreadable<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch {
    throw new ApiError(404, 'not_found', 'no such file');
  }
}
