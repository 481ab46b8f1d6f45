import { MAX_CODES_PER_STATUS_REQUEST } from '../../core/api/api-limits.ts';
import { ApiError } from './api-error.ts';

/**
 * A batch over the limit gets its own error code (`too_many_codes`) before schema validation, so
 * a caller learns to split the batch rather than reading a generic schema issue.
 */
export function rejectTooManyCodes(body: unknown, what: string): void {
  const codes = (body as { codes?: unknown } | null | undefined)?.codes;
  if (Array.isArray(codes) && codes.length > MAX_CODES_PER_STATUS_REQUEST) {
    throw new ApiError(400, 'too_many_codes', `at most ${MAX_CODES_PER_STATUS_REQUEST} codes per ${what}; split the batch`);
  }
}
