import type { ApiErrorCode } from '../../core/api/error-envelope-schema.ts';

/** An expected failure a route reports to the caller as the error envelope with a 4xx status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;

  constructor(status: number, code: ApiErrorCode, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}
