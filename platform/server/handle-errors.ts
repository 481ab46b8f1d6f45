import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.ts';
import { sendError } from './send-error.ts';

/** Maps what went wrong to the envelope: the caller's mistakes are 4xx, only the platform's own bugs 500. */
export function errorToReply(error: unknown, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) return sendError(reply, error.status, error.code, error.message, error.issues);
  const e = error as Partial<FastifyError>;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendError(reply, 413, 'payload_too_large', 'the request body is larger than the platform accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendError(reply, 415, 'unsupported_media_type', 'send the request body as application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(reply, 400, 'invalid_json', 'the request body is not valid JSON');
  }
  if (e instanceof SyntaxError || e.name === 'SyntaxError') return sendError(reply, 400, 'invalid_json', 'the request body is not valid JSON');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 413) return sendError(reply, 413, 'payload_too_large', 'the request is too large');
    return sendError(reply, e.statusCode, 'bad_request', e.message ?? 'bad request');
  }
  console.error('[platform] unexpected error:', error);
  return sendError(reply, 500, 'internal', 'internal error');
}

function patternToRegExp(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*$/, '.*')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * Installs the error handler and a not-found handler that tells a wrong method (405, with `Allow`)
 * from an unknown path (404). Call before routes are added: it watches them being registered.
 */
export function handleErrors(app: FastifyInstance): void {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'OPTIONS');
    if (methods.length > 0) routes.push({ pattern: patternToRegExp(route.url), methods });
  });
  app.setErrorHandler((error, _request, reply) => errorToReply(error, reply));
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods));
    if (allowed.size > 0 && !allowed.has(request.method)) {
      reply.header('Allow', [...allowed].sort().join(', '));
      return sendError(reply, 405, 'method_not_allowed', `${request.method} is not allowed here`);
    }
    return sendError(reply, 404, 'not_found', 'no such endpoint or file');
  });
}
