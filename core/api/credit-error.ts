import type { ApiErrorCode } from './error-envelope-schema.ts';

/**
 * Why a call to the credit platform gave no usable answer. The query layer retries on `kind`
 * and the verdict turns any of them into `unknown`: a failed check is never a clear one.
 */
export type CreditErrorKind = 'offline' | 'timeout' | 'http' | 'schema' | 'auth' | 'aborted';

export interface CreditErrorInit {
  status?: number;
  apiCode?: ApiErrorCode;
  cause?: unknown;
}

/** The one error class the credit client rejects with; branch on `kind`, never on the message. */
export class CreditError extends Error {
  override readonly name = 'CreditError';
  readonly kind: CreditErrorKind;
  readonly status?: number;
  readonly apiCode?: ApiErrorCode;

  constructor(kind: CreditErrorKind, message: string, init: CreditErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.apiCode !== undefined) this.apiCode = init.apiCode;
  }

  /** Transient failures worth trying again: the network, a timeout, a 5xx or a 429. */
  get retryable(): boolean {
    if (this.kind === 'offline' || this.kind === 'timeout') return true;
    if (this.kind !== 'http' || this.status === undefined) return false;
    return this.status >= 500 || this.status === 429;
  }
}

/** Type guard that survives duplicated module instances (bundles, frames): checks the shape too. */
export function isCreditError(value: unknown): value is CreditError {
  return (
    value instanceof CreditError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'CreditError' &&
      typeof (value as { kind?: unknown }).kind === 'string')
  );
}
