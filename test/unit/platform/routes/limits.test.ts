import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../../../core/api/api-limits.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, fixtureCode, startTestPlatform } from '../platform-harness.ts';

let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

describe('limits and bad input', () => {
  it.each([
    ['malformed JSON', { raw: '{"codes": [', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
    ['empty JSON body', { raw: '', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
    ['text/plain body', { raw: '{"codes":["x"]}', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['form body', { raw: 'codes=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
    ['no body', {}, 400, 'bad_request'],
    ['wrong type', { body: { codes: 'abc' } }, 400, 'bad_request'],
    ['code too long', { body: { codes: ['9'.repeat(65)] } }, 400, 'bad_request'],
    ['unknown field', { body: { codes: ['x'], extra: true } }, 400, 'bad_request'],
    ['unknown context', { body: { codes: ['x'], context: 'nowhere' } }, 400, 'bad_request'],
    ['JSON array', { body: [1, 2] }, 400, 'bad_request'],
    ['JSON null', { raw: 'null', headers: { 'content-type': 'application/json' } }, 400, 'bad_request'],
    ['prototype pollution', { raw: '{"codes":["x"],"__proto__":{"admin":true}}', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
  ] as const)('answers %s with %s %s', async (_name, opts, status, code) => {
    const res = await call(platform, 'POST', '/api/v1/status', opts as never);
    expect(res.status).toBe(status);
    expect(envelopeCode(res.json)).toBe(code);
  });

  it('lists the unknown field and the wrong type in issues', async () => {
    const res = await call(platform, 'POST', '/api/v1/status', { body: { codes: [1], extra: 1 } });
    expect(res.json.error.issues).toEqual(
      expect.arrayContaining([
        { path: '(root)', message: 'unknown field: extra' },
        { path: 'codes.0', message: 'expected string' },
      ]),
    );
  });

  it('answers bodies over MAX_REQUEST_BYTES with 413 payload_too_large', async () => {
    const res = await call(platform, 'POST', '/api/v1/status', {
      raw: JSON.stringify({ codes: ['x'], purpose: 'x'.repeat(MAX_REQUEST_BYTES) }),
      headers: { 'content-type': 'application/json' },
    });
    expect([res.status, envelopeCode(res.json)]).toEqual([413, 'payload_too_large']);
  });

  it.each([
    ['GET', '/api/v1/nope', 404, 'not_found'],
    ['GET', '/../../etc/passwd', 404, 'not_found'],
    ['GET', '/api/v1/subjects/%E0%A4%A', 400, 'bad_request'],
    ['GET', '/api/v1/subjects/not-a-code', 400, 'bad_request'],
    ['GET', `/api/v1/subjects/${'A'.repeat(300)}`, 400, 'bad_request'],
    ['GET', '/api/v1/changes?since=-1', 400, 'bad_request'],
    ['GET', '/api/v1/changes?since=abc', 400, 'bad_request'],
    ['GET', '/api/v1/measures?context=moon', 400, 'bad_request'],
    ['GET', '/api/v1/measures?unknown=1', 400, 'bad_request'],
    ['PUT', '/api/v1/status', 405, 'method_not_allowed'],
    ['DELETE', '/api/v1/subjects/91420105756704M24P', 405, 'method_not_allowed'],
    ['GET', '/api/v1/status', 405, 'method_not_allowed'],
    ['POST', '/api/v1/health', 405, 'method_not_allowed'],
  ] as const)('answers %s %s with %s %s', async (method, path, status, code) => {
    const res = await call(platform, method, path);
    expect(res.status).toBe(status);
    expect(envelopeCode(res.json)).toBe(code);
    if (status === 405) expect(res.headers.get('allow')).toBeTruthy();
  });

  it('answers the subject of a valid code it does not hold with 404', async () => {
    const res = await call(platform, 'GET', `/api/v1/subjects/${fixtureCode('not-in-db')}`);
    expect([res.status, envelopeCode(res.json)]).toEqual([404, 'not_found']);
  });

  it('never answers 5xx to junk', async () => {
    let rejected = 0;
    const junk = ['{', '[]', '""', '0', '{"codes":[null]}', '{"codes":[{"a":1}]}', '\u0000', '{"codes":["\\ud800"]}', 'x'.repeat(5000)];
    const paths = [
      '/api/v1/status',
      '/api/v1/feedback',
      '/api/v1/objections',
      '/api/v1/objections/x/resolve',
      '/api/v1/admin/entries',
      '/api/v1/admin/entries/x/exit',
      '/api/v1/admin/tokens',
    ];
    for (const path of paths) {
      for (const raw of junk) {
        for (const token of [undefined, platform.tokens.admin]) {
          const res = await call(platform, 'POST', path, { raw, token, headers: { 'content-type': 'application/json' } });
          expect(res.status, `${path} ${raw.slice(0, 20)}`).toBeLessThan(500);
          if (res.status >= 400) {
            envelopeCode(res.json);
            rejected++;
          }
        }
      }
    }
    expect(rejected).toBeGreaterThan(paths.length * junk.length);
  });
});
