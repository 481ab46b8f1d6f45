/** Issue 10 finding 10 (client): what the schema cannot see makes a status answer off-contract (kind `schema`, shown as unknown). */
import { describe, expect, it } from 'vitest';
import { createCreditClient } from '../../../../core/api/create-credit-client.ts';
import { CreditError } from '../../../../core/api/credit-error.ts';
import type { StatusResponse } from '../../../../core/api/status-schema.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeFakeFetch } from '../fixtures/make-fake-fetch.ts';
import { makeStatusResult, SAMPLE_CODE } from '../fixtures/make-status-result.ts';

const OTHER = '91420105MA4KX0T13D';
const NOW = Date.parse('2026-03-01T02:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

function ask(body: StatusResponse, codes = [SAMPLE_CODE]) {
  const fake = makeFakeFetch(() => ({ status: 200, body }));
  const client = createCreditClient({ baseUrl: 'http://127.0.0.1:9', fetch: fake.fetch, retries: 0, now: () => NOW });
  return client.status(codes);
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'answered';
  } catch (error) {
    expect(error).toBeInstanceOf(CreditError);
    return (error as CreditError).kind;
  }
}

const black = makeStatusResult({ code: SAMPLE_CODE, entries: [makeEntry()], asOf: at(0) });
const notFound = makeStatusResult({ code: SAMPLE_CODE, found: false, subject: null, asOf: at(0) });

describe('createCreditClient status answers', () => {
  it.each<[string, StatusResponse, string[]]>([
    ['the same code twice (black, then a found:false copy)', { results: [black, notFound], asOf: at(0), dataVersion: 7 }, [SAMPLE_CODE]],
    ['a code that was not asked', { results: [black, makeStatusResult({ code: OTHER, asOf: at(0) })], asOf: at(0), dataVersion: 7 }, [SAMPLE_CODE]],
    ['only a code that was not asked', { results: [makeStatusResult({ code: OTHER, asOf: at(0) })], asOf: at(0), dataVersion: 7 }, [SAMPLE_CODE]],
    ['an answer dated 10 minutes in the future', { results: [{ ...notFound, asOf: at(0) }], asOf: at(10 * 60_000), dataVersion: 7 }, [SAMPLE_CODE]],
    ['one result dated 3 minutes in the future', { results: [{ ...notFound, asOf: at(3 * 60_000) }], asOf: at(0), dataVersion: 7 }, [SAMPLE_CODE]],
  ])('rejects with kind schema when the answer holds %s', async (_what, body, codes) => {
    expect(await kindOf(ask(body, codes))).toBe('schema');
  });

  it.each<[string, StatusResponse, string[]]>([
    ['each asked code once', { results: [black, makeStatusResult({ code: OTHER, asOf: at(0) })], asOf: at(0), dataVersion: 7 }, [SAMPLE_CODE, OTHER]],
    ['an asked code in its normalized form', { results: [black], asOf: at(0), dataVersion: 7 }, [SAMPLE_CODE.toLowerCase()]],
    ['an asOf 90 s ahead (clock skew)', { results: [{ ...notFound, asOf: at(90_000) }], asOf: at(90_000), dataVersion: 7 }, [SAMPLE_CODE]],
    ['an old asOf', { results: [{ ...notFound, asOf: at(-3_600_000) }], asOf: at(-3_600_000), dataVersion: 7 }, [SAMPLE_CODE]],
  ])('returns the answer when it holds %s', async (_what, body, codes) => {
    expect(await kindOf(ask(body, codes))).toBe('answered');
  });
});
