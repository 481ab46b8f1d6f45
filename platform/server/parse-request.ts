import type * as z from 'zod/mini';
import { ApiError } from './api-error.ts';
import { schemaIssues } from './schema-issues.ts';

/** Validates a request body (or query) against its contract schema; wrong types and unknown fields are a 400 with issues. */
export function parseRequest<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, 'bad_request', 'the request does not match the API contract', schemaIssues(result.error.issues));
  return result.data as z.infer<S>;
}
