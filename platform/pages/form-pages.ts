import type { FastifyInstance } from 'fastify';

/** Largest HTML form post: a 4 MiB record grows up to three times when URL-encoded. */
export const MAX_FORM_BYTES = 16 * 1024 * 1024;

/**
 * Registers pages that take HTML form posts (`application/x-www-form-urlencoded`) in their own
 * scope, so the API keeps answering form bodies with 415. Fields arrive as a plain object of
 * strings (the last value of a repeated field wins).
 */
export function registerFormPages(app: FastifyInstance, register: (scope: FastifyInstance) => void): void {
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_FORM_BYTES }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    register(scope);
  });
}
