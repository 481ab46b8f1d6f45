import type { FastifyInstance } from 'fastify';
import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import { MAX_RECORD_BYTES } from '../../core/api/record-limits.ts';
import { parseStrictJson } from '../../core/record/parse-strict-json.ts';
import { recordToCsv } from '../../core/record/record-to-csv.ts';
import { registerRecordTextRoutes } from '../records/register-record-text-routes.ts';
import { verifyWithPlatformKeys } from '../records/verify-with-platform-keys.ts';
import { ApiError } from '../server/api-error.ts';
import type { PlatformContext } from '../server/platform-context.ts';

/**
 * `POST /api/v1/records/csv`: a signed record as CSV for spreadsheets (core/record's recordToCsv),
 * so pages need no CSV code of their own. Only a record that verifies is converted: a spreadsheet
 * made from a changed record would carry the platform's name without its word. The body is read
 * as text, so a record with a duplicate key is refused too.
 */
export function registerRecordCsvRoute(app: FastifyInstance, ctx: PlatformContext): void {
  registerRecordTextRoutes(app, (scope) => {
    scope.post('/api/v1/records/csv', { bodyLimit: MAX_RECORD_BYTES }, async (request, reply) => {
      const verification = await verifyWithPlatformKeys(ctx, request.body);
      if (!verification.valid) throw new ApiError(400, 'bad_request', verification.message, [{ path: 'signature', message: verification.reason }]);
      // Valid means the text parsed strictly into a signed record.
      const parsed = parseStrictJson(request.body as string);
      const signed = (parsed.ok ? parsed.value : null) as SignedCheckRecord;
      const name = `creditlens-record-${signed.record.recordId.replace(/[^A-Za-z0-9-]/g, '')}.csv`;
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`).send(recordToCsv(signed));
    });
  });
}
