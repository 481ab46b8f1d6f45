import { connect } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FORM_BYTES, MAX_FORM_FIELDS, MAX_PLAIN_FORM_BYTES } from '../../../../platform/pages/form-pages.ts';
import type { RunningPlatform } from '../../../../platform/start-platform.ts';
import { call, envelopeCode, startTestPlatform } from '../platform-harness.ts';
import { LARGE_FORM_POSTERS } from './large-form-posters.ts';

// Short timeouts so a trickled body is cut off within the test; the defaults are 30 s and 10 s.
const TIMEOUTS = { requestMs: 1500, headersMs: 1000, idleMs: 1500 };
let platform: RunningPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seed: { subjects: 20 }, timeouts: TIMEOUTS, rateLimit: 100_000 });
});
afterAll(() => platform.close());

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A form post of about `bytes`: field `record` holding JSON text that must be decoded (%XX) and parsed — the costly kind. */
function largeForm(bytes: number): string {
  const head = 'record=' + encodeURIComponent('{"record":{"note":"');
  const tail = encodeURIComponent('"},"signature":{"value":"x"}}');
  return head + encodeURIComponent('信').repeat(Math.floor((bytes - head.length - tail.length) / 9)) + tail;
}

/** The status of a health request to `target`. */
async function healthStatus(target: RunningPlatform): Promise<number> {
  const res = await fetch(`${target.url}/api/v1/health`);
  await res.text();
  return res.status;
}

/**
 * Sends the headers and the first bytes of a form post that announces `length` bytes, then
 * trickles a byte every `everyMs`; resolves with the status line the platform answered (or
 * 'closed') and when.
 */
function slowPost(length: number, everyMs: number): Promise<{ answer: string; afterMs: number }> {
  const url = new URL(platform.url);
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const done = (answer: string) => {
      clearInterval(timer);
      socket.destroy();
      resolve({ answer, afterMs: performance.now() - started });
    };
    socket.on('connect', () => {
      socket.write(
        `POST /records/print HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\nrecord=`,
      );
      timer = setInterval(() => socket.write('a'), everyMs);
    });
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const line = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (line) done(line[1]!);
    });
    socket.on('error', () => done('closed'));
    socket.on('close', () => done('closed'));
  });
}

describe('large and slow form posts', () => {
  // How quickly health answers under this load is a figure of `npm run bench -- form-load`, not a test.
  it('answers health while twelve large form posts at a time hit /records/print, and answers every post', async () => {
    // Default timeouts: on a busy machine a large post may take longer than this file's short ones to arrive.
    const loaded = await startTestPlatform({ seed: { subjects: 20 }, rateLimit: 100_000 });
    try {
      const posters = new Worker(LARGE_FORM_POSTERS, {
        eval: true,
        workerData: { url: `${loaded.url}/records/print`, bytes: MAX_FORM_BYTES - 1024, posters: 12, rounds: 20, maxMs: 20_000 },
      });
      const statuses: number[] = [];
      let done = false;
      const finished = new Promise<void>((resolve, reject) => {
        posters.on('message', (m: { status?: number; done?: boolean }) => {
          if (m.status !== undefined) statuses.push(m.status);
          if (m.done) {
            done = true;
            resolve();
          }
        });
        posters.on('error', reject);
      });
      // Once the load has built up (a few posts answered), health is asked five times while posts keep coming.
      await expect.poll(() => statuses.length, { timeout: 15_000, interval: 5 }).toBeGreaterThanOrEqual(4);
      const health: number[] = [];
      for (let i = 0; i < 5; i++) health.push(await healthStatus(loaded));
      const loadWentOn = !done;
      posters.postMessage('stop');
      await finished;
      await posters.terminate();
      // The platform lets the posts it was still reading go, and admits form posts again.
      await expect.poll(async () => (await call(loaded, 'POST', '/records/print', { raw: 'record=x', headers: FORM })).status, { timeout: 10_000 }).toBe(400);
      expect(loadWentOn).toBe(true);
      expect(health).toEqual([200, 200, 200, 200, 200]);
      // Each large post was answered: decoded and refused as no record (400), or turned away while too many were in progress (503).
      expect(statuses.filter((s) => s !== 400 && s !== 503)).toEqual([]);
      expect(statuses).toContain(400);
    } finally {
      await loaded.close();
    }
  }, 60_000);

  it('returns 413 to a post over the record limit, and to a plain form over 64 KiB', async () => {
    const over = await fetch(`${platform.url}/records/print`, { method: 'POST', headers: FORM, body: largeForm(MAX_FORM_BYTES + 64 * 1024) });
    expect([over.status, envelopeCode(await over.json())]).toEqual([413, 'payload_too_large']);
    const stats = await call(platform, 'POST', '/stats', { raw: `token=${'x'.repeat(MAX_PLAIN_FORM_BYTES)}`, headers: FORM });
    expect(stats.status).toBe(413);
  });

  it(`returns 413 to a form of more than ${MAX_FORM_FIELDS} fields`, async () => {
    const res = await call(platform, 'POST', '/records/print', {
      raw: Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => `f${i}=1`).join('&'),
      headers: FORM,
    });
    expect([res.status, envelopeCode(res.json)]).toEqual([413, 'payload_too_large']);
    expect((await call(platform, 'POST', '/records/print', { raw: 'record=x&a=1', headers: FORM })).status).toBe(400);
  });

  it('cuts off bodies that trickle in once the request timeout has passed, and answers health meanwhile', async () => {
    const slow = [slowPost(1024 * 1024, 100), slowPost(1024 * 1024, 100), slowPost(1024 * 1024, 100)];
    const health: number[] = [];
    for (let i = 0; i < 5; i++) health.push(await healthStatus(platform));
    const answers = await Promise.all(slow);
    for (const { answer, afterMs } of answers) {
      expect(['408', 'closed']).toContain(answer);
      expect(afterMs).toBeGreaterThanOrEqual(TIMEOUTS.requestMs - 100);
    }
    expect(health).toEqual([200, 200, 200, 200, 200]);
  }, 15_000);

  it('rate-limits /records/print with the API', async () => {
    const limited = await startTestPlatform({ seed: { subjects: 20 }, rateLimit: 2 });
    try {
      const post = () => call(limited, 'POST', '/records/print', { raw: 'record=x', headers: FORM });
      expect([(await post()).status, (await post()).status]).toEqual([400, 400]);
      const over = await post();
      expect([over.status, envelopeCode(over.json)]).toEqual([429, 'rate_limited']);
    } finally {
      await limited.close();
    }
  });
});
