import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_REQUEST_BYTES } from '../../core/api/api-limits.ts';
import { MAX_RECORD_BYTES } from '../../core/api/record-limits.ts';
import { addressBlock } from '../rate-limit/address-block.ts';
import { ApiError } from '../server/api-error.ts';
import { createTurns, type Turns } from '../server/create-turns.ts';
import { sendError } from '../server/send-error.ts';

/**
 * Largest form post that carries a signed record (`/records/print`, `/records/verify`): the same
 * 4 MiB as a JSON record body (MAX_RECORD_BYTES). URL-encoding makes a record about 2.4 times
 * larger (measured: 300 codes, 0.5 MB of JSON, post 1.2 MB), so every record of up to 500 codes fits.
 */
export const MAX_FORM_BYTES = MAX_RECORD_BYTES;

/** Largest other form post (the stats page): 64 KiB, like every other JSON body. */
export const MAX_PLAIN_FORM_BYTES = MAX_REQUEST_BYTES;

/** Most fields a form post may carry (the platform's forms have at most a handful). */
export const MAX_FORM_FIELDS = 32;

/** Form posts in progress (reading, parsing, rendering) at once: in all, and from one client address. */
export const MAX_FORM_POSTS_IN_FLIGHT = 16;
export const MAX_FORM_POSTS_IN_FLIGHT_PER_ADDRESS = 4;

/** The shared state of one server's form pages: who is in flight, and the queue of heavy work. */
interface FormPosts {
  inFlight: number;
  byAddress: Map<string, number>;
  turns: Turns;
}

const formPostsOf = new WeakMap<FastifyInstance, FormPosts>();

/** Admits a form post before its body is read, or answers 503 when too many are in progress (see MAX_FORM_POSTS_IN_FLIGHT). */
function admit(posts: FormPosts, request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const address = addressBlock(request.ip);
  const mine = posts.byAddress.get(address) ?? 0;
  if (posts.inFlight >= MAX_FORM_POSTS_IN_FLIGHT || mine >= MAX_FORM_POSTS_IN_FLIGHT_PER_ADDRESS) {
    reply.header('Retry-After', '2');
    return sendError(reply, 503, 'unavailable', 'too many form posts in progress; try again in 2 s');
  }
  posts.inFlight++;
  posts.byAddress.set(address, mine + 1);
  // 'close' comes once the answer is sent or the connection is gone, whatever happened in between.
  reply.raw.once('close', () => {
    posts.inFlight--;
    const left = (posts.byAddress.get(address) ?? 1) - 1;
    if (left > 0) posts.byAddress.set(address, left);
    else posts.byAddress.delete(address);
  });
  return undefined;
}

const decodeFormPart = (part: string): string => decodeURIComponent(part.includes('+') ? part.replace(/\+/g, ' ') : part);

/**
 * The fields of a URL-encoded body (the last value of a repeated field wins), refusing more than
 * MAX_FORM_FIELDS before anything is decoded (413) and malformed escapes (400). Decoded with the
 * native decodeURIComponent: URLSearchParams takes five times as long on a field of megabytes.
 */
export function parseFormFields(body: string): Record<string, string> {
  const parts = body.length === 0 ? [] : body.split('&', MAX_FORM_FIELDS + 1);
  if (parts.length > MAX_FORM_FIELDS) throw new ApiError(413, 'payload_too_large', `a form may carry at most ${MAX_FORM_FIELDS} fields`);
  const fields: Record<string, string> = Object.create(null);
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    try {
      fields[decodeFormPart(eq === -1 ? part : part.slice(0, eq))] = eq === -1 ? '' : decodeFormPart(part.slice(eq + 1));
    } catch {
      throw new ApiError(400, 'bad_request', 'the form body has a malformed %-escape');
    }
  }
  return { ...fields };
}

/**
 * Registers pages that take HTML form posts (`application/x-www-form-urlencoded`) in their own
 * scope, so the API keeps answering form bodies with 415. Fields arrive as a plain object of
 * strings (the last value of a repeated field wins). A post is admitted only while few are in
 * progress (else 503 before its body is read); its body is limited to MAX_PLAIN_FORM_BYTES
 * unless the route sets `bodyLimit` (the record pages: MAX_FORM_BYTES) and to MAX_FORM_FIELDS
 * fields; decoding it and then the handler each wait for a turn of the server's one queue of
 * heavy work, so a burst of large posts cannot hold the event loop from health and status. The
 * rate limit (rate-limit/limit-api-rate.ts) counts every POST, and the server's request timeout
 * cuts off bodies that trickle in.
 */
export function registerFormPages(app: FastifyInstance, register: (scope: FastifyInstance) => void): void {
  let posts = formPostsOf.get(app);
  if (!posts) {
    posts = { inFlight: 0, byAddress: new Map(), turns: createTurns() };
    formPostsOf.set(app, posts);
  }
  const shared = posts;
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => admit(shared, request, reply));
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: MAX_PLAIN_FORM_BYTES },
      async (_request: FastifyRequest, body: string | Buffer) => shared.turns.run(() => parseFormFields(body as string)),
    );
    scope.addHook('preHandler', async (_request, reply) => {
      const turn = shared.turns.acquire();
      reply.raw.once('close', () => void turn.then((release) => release()));
      await turn;
    });
    register(scope);
  });
}
