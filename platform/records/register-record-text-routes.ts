import type { FastifyInstance } from 'fastify';
import { MAX_RECORD_BYTES } from '../../core/api/record-limits.ts';

/**
 * Registers routes that take a whole signed record in their own scope, where an
 * `application/json` body arrives as its text (up to MAX_RECORD_BYTES) instead of parsed: the
 * record is parsed strictly by core/record (a key named twice fails), which `JSON.parse` — and so
 * the platform's usual JSON body parser — cannot tell, keeping the last copy silently.
 */
export function registerRecordTextRoutes(app: FastifyInstance, register: (scope: FastifyInstance) => void): void {
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_RECORD_BYTES }, (_request, body, done) => done(null, body));
    register(scope);
  });
}
