import * as z from 'zod/mini';
import { abortableSleep } from './abortable-sleep.ts';
import { anySignal } from './any-signal.ts';
import { CreditError, isCreditError } from './credit-error.ts';
import { ErrorEnvelopeSchema } from './error-envelope-schema.ts';

export interface CreditClientOptions {
  /** Origin (and optional path prefix) of the platform; `/api/v1/…` is appended. */
  baseUrl: string;
  fetch?: typeof fetch;
  token?: string | null;
  /** Asked before every attempt, so a refreshed token is picked up by retries. Wins over `token`. */
  getToken?: () => Promise<string | null>;
  /** Per attempt, including reading the body. Default 10 000. */
  timeoutMs?: number;
  /** Extra attempts after a transient failure (offline, timeout, 5xx, 429). Default 2. */
  retries?: number;
  /** Base backoff; doubles each retry, with jitter. Default 300. */
  retryDelayMs?: number;
  /** The clock answers' `asOf` is checked against (epoch ms); default `Date.now`. */
  now?: () => number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  schema: z.ZodMiniType<T>;
  retry: boolean;
  signal: AbortSignal | undefined;
}

const MAX_RETRY_AFTER_MS = 30_000;

/** Sends one request to the platform: token, timeout, retries with backoff, and schema validation of the answer. */
export interface CreditTransport {
  call<T>(spec: RequestSpec<T>): Promise<T>;
  get<T>(path: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * The transport under every credit client: one place for the token, timeouts, retries of
 * transient failures and validation of every answer against its `core/api` schema.
 */
export function createCreditTransport(options: CreditClientOptions): CreditTransport {
  const fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = Math.max(0, options.retries ?? 2);
  const retryDelayMs = options.retryDelayMs ?? 300;

  async function resolveToken(): Promise<string | null> {
    if (!options.getToken) return options.token ?? null;
    try {
      return await options.getToken();
    } catch (cause) {
      throw new CreditError('auth', 'could not obtain an access token', { cause });
    }
  }

  async function attempt<T>(spec: RequestSpec<T>): Promise<T> {
    throwIfAborted(spec.signal);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = spec.signal ? anySignal([spec.signal, timeout.signal]) : timeout.signal;
    // Rejects as soon as either signal fires, even if a fetch implementation ignores `signal`.
    const abandon = new Promise<never>((_, reject) => {
      const fail = (): void => reject(abortError(spec.signal, timeoutMs));
      if (signal.aborted) fail();
      else signal.addEventListener('abort', fail, { once: true });
    });
    abandon.catch(() => undefined);
    try {
      const token = await Promise.race([resolveToken(), abandon]);
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
      const init: RequestInit = { method: spec.method, headers, signal };
      if (spec.body !== undefined) init.body = JSON.stringify(spec.body);
      let response: Response;
      let text: string;
      try {
        response = await Promise.race([fetchFn(`${base}${spec.path}`, init), abandon]);
        text = await Promise.race([response.text(), abandon]);
      } catch (cause) {
        if (isCreditError(cause)) throw cause;
        if (signal.aborted) throw abortError(spec.signal, timeoutMs);
        throw new CreditError('offline', 'the credit platform could not be reached', { cause });
      }
      if (!response.ok) throw httpError(response, text);
      return parseBody(text, spec.schema);
    } finally {
      clearTimeout(timer);
    }
  }

  async function call<T>(spec: RequestSpec<T>): Promise<T> {
    const attempts = spec.retry ? retries + 1 : 1;
    for (let n = 0; ; n++) {
      try {
        return await attempt(spec);
      } catch (error) {
        if (!isCreditError(error) || !error.retryable || n + 1 >= attempts) throw error;
        await abortableSleep(backoff(n, retryDelayMs, retryAfterMs(error)), spec.signal);
      }
    }
  }

  const get = <T>(path: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T> => call({ method: 'GET', path, schema, retry: true, signal });

  return { call, get };
}

function parseBody<T>(text: string, schema: z.ZodMiniType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CreditError('schema', 'the credit platform answered with something that is not JSON', { cause });
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CreditError('schema', `the answer does not match the contract (${where.join('; ')})`, { cause: parsed.error });
  }
  return parsed.data;
}

const retryAfterByError = new WeakMap<CreditError, number>();

function httpError(response: Response, text: string): CreditError {
  let envelope: z.infer<typeof ErrorEnvelopeSchema> | undefined;
  try {
    const parsed = z.safeParse(ErrorEnvelopeSchema, JSON.parse(text));
    if (parsed.success) envelope = parsed.data;
  } catch {
    // Not JSON (a proxy's HTML page): the status alone must do.
  }
  const status = response.status;
  const kind = status === 401 || status === 403 ? 'auth' : 'http';
  const message = envelope?.error.message ?? `the credit platform answered HTTP ${status}`;
  const error = new CreditError(kind, message, { status, ...(envelope && { apiCode: envelope.error.code }) });
  const retryAfter = Number(response.headers.get('Retry-After'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) retryAfterByError.set(error, retryAfter * 1000);
  return error;
}

function retryAfterMs(error: CreditError): number {
  return Math.min(retryAfterByError.get(error) ?? 0, MAX_RETRY_AFTER_MS);
}

function backoff(n: number, base: number, floor: number): number {
  const exp = base * 2 ** n;
  return Math.max(floor, exp / 2 + Math.random() * (exp / 2));
}

function abortError(caller: AbortSignal | undefined, timeoutMs: number): CreditError {
  return caller?.aborted
    ? new CreditError('aborted', 'the check was cancelled', { cause: caller.reason })
    : new CreditError('timeout', `the credit platform did not answer within ${timeoutMs} ms`);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CreditError('aborted', 'the check was cancelled', { cause: signal.reason });
}
