import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** The small plain-JS files the pages load (a strict CSP allows no inline script). */
export const PAGE_SCRIPTS = ['verify-record.js', 'print-record.js', 'print-loader.js'] as const;

/** Serves `/assets/<name>.js` from platform/pages/scripts/, read once at start. */
export function registerPageScripts(app: FastifyInstance): void {
  for (const name of PAGE_SCRIPTS) {
    const source = readFileSync(new URL(`./scripts/${name}`, import.meta.url), 'utf8');
    app.get(`/assets/${name}`, async (_request, reply) => reply.header('Cache-Control', 'no-cache').type('text/javascript; charset=utf-8').send(source));
  }
}
