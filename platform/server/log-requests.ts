import type { FastifyInstance } from 'fastify';

/** Logs one line per request — method, path (never the query), status, time, department — instead of Fastify's JSON stream. */
export function logRequests(app: FastifyInstance, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  app.addHook('onResponse', async (request, reply) => {
    const path = (request.url.split('?')[0] ?? '/').slice(0, 200);
    const department = request.caller?.role ? (request.caller.department ?? '-') : request.caller ? 'anonymous' : '-';
    write(`${new Date().toISOString()} ${request.method} ${path} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms ${department}`);
  });
}
