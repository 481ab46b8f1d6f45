import type { FastifyInstance } from 'fastify';
import { sendError } from './send-error.ts';

/**
 * Answers every request (health included; CORS preflights excepted) with 503 `unavailable` while
 * `problem()` reports one — the database file was deleted, replaced or made read-only under the
 * running platform. SQLite would go on reading and writing the open, unlinked file, so writes
 * would be acknowledged and then lost with the next restart, and health would say ok. Checking on
 * each request (a stat and an access call, microseconds) rather than on a timer leaves no window
 * in which a write is acknowledged after the check could have known. Add after CORS, so a
 * browser page can read the 503. The operator is told once (`report`, stderr) when it starts.
 */
export function guardDatabaseFile(app: FastifyInstance, problem: () => string | null, report: (line: string) => void = console.error): void {
  let reported: string | null = null;
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS') return;
    const reason = problem();
    if (reason !== reported && reason !== null) report(`[platform] ${reason}: answering 503 until restarted on the restored file`);
    reported = reason;
    if (reason === null) return;
    return sendError(reply, 503, 'unavailable', `the platform cannot serve: ${reason}; restore the file and restart`);
  });
}
