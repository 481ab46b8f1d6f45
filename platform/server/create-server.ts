import cors from '@fastify/cors';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { MAX_REQUEST_BYTES } from '../../core/api/api-limits.ts';
import { registerDashboardPage } from '../pages/dashboard-page.ts';
import { registerIndexPage } from '../pages/index-page.ts';
import { registerObjectionQueuePage } from '../pages/objection-queue-page.ts';
import { registerPageScripts } from '../pages/page-scripts.ts';
import { registerPrintRecordPage } from '../pages/print-record-page.ts';
import { registerStatsPage } from '../pages/stats-page.ts';
import { registerSubjectPage } from '../pages/subject-page.ts';
import { registerVerifyRecordPage } from '../pages/verify-record-page.ts';
import { limitApiRate } from '../rate-limit/limit-api-rate.ts';
import { registerAdminAuditRoute } from '../routes/admin-audit-route.ts';
import { registerAssessmentRoutes } from '../routes/assessment-routes.ts';
import { registerTypicalCaseRoutes } from '../routes/typical-case-routes.ts';
import { registerAdminEntryRoutes } from '../routes/admin-entry-routes.ts';
import { registerAdminTokenRoute } from '../routes/admin-token-route.ts';
import { registerChangesRoute } from '../routes/changes-route.ts';
import { registerSnapshotRoute } from '../routes/snapshot-route.ts';
import { registerExtensionUpdatesRoute } from '../routes/extension-updates-route.ts';
import { registerCreateRecordRoute } from '../routes/create-record-route.ts';
import { registerFeedbackListRoute } from '../routes/feedback-list-route.ts';
import { registerRecordCsvRoute } from '../routes/record-csv-route.ts';
import { registerRecordKeyListRoute } from '../routes/record-key-list-route.ts';
import { registerRecordKeyRoute } from '../routes/record-key-route.ts';
import { registerRepairRoutes } from '../routes/repair-routes.ts';
import { registerStatsRoutes } from '../routes/stats-routes.ts';
import { registerVerifyRecordRoute } from '../routes/verify-record-route.ts';
import { registerFeedbackRoute } from '../routes/feedback-route.ts';
import { registerHealthRoute } from '../routes/health-route.ts';
import { registerMeasuresRoute } from '../routes/measures-route.ts';
import { registerObjectionRoutes } from '../routes/objection-routes.ts';
import { registerStatusRoute } from '../routes/status-route.ts';
import { registerSubjectRoute } from '../routes/subject-route.ts';
import { corsOriginAllowed } from './cors-origin-allowed.ts';
import { handleErrors } from './handle-errors.ts';
import { logRequests } from './log-requests.ts';
import { guardDatabaseFile } from './guard-database-file.ts';
import type { PlatformContext } from './platform-context.ts';
import { sendError } from './send-error.ts';
import { DEFAULT_SERVER_TIMEOUTS, serverTimeoutOptions, type ServerTimeouts } from './server-timeouts.ts';
import { serveStaticDir } from './serve-static-dir.ts';

/** How the HTTP server is set up around the platform context. */
export interface ServerOptions {
  corsOrigins: readonly string[] | '*';
  staticDirs: readonly { prefix: string; dir: string }[];
  log: boolean;
  /** Requests per minute each caller may make to `/api/v1/*` and form posts (@fastify/rate-limit over a token bucket of that size); false: no limit. */
  rateLimit: number | false;
  /** Where the rate limit counts (default: this process's token buckets, rate-limit/token-bucket-store.ts). */
  rateLimitStore?: FastifyRateLimitStoreCtor;
  /** Null while the database file is the one opened and writable, else why not (see watch-database-file.ts); default: never a problem. */
  databaseProblem?: () => string | null;
  /** Default DEFAULT_SERVER_TIMEOUTS. */
  timeouts?: Partial<ServerTimeouts>;
  /** Where `npm run package` put the enterprise CRX served at /extension/ (default: EXTENSION_DIR, else .output/). */
  extensionDir?: string;
}

/**
 * Builds the Fastify server: every endpoint of the core contract, the admin endpoints, static
 * folders and the HTML pages. Only JSON bodies are accepted (anything else is 415; form posts only
 * on the form pages, see pages/form-pages.ts), bodies over MAX_REQUEST_BYTES are 413, callers over
 * their rate limit get 429, requests that trickle in are cut off (server-timeouts.ts), every
 * request is 503 `unavailable` once the database file is gone, and every error leaves as the
 * shared envelope.
 */
export async function createServer(ctx: PlatformContext, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_REQUEST_BYTES,
    routerOptions: { maxParamLength: 200 },
    trustProxy: false,
    // Browsers keep connections alive; without this, close() waits for them and a clean
    // shutdown (SIGTERM, or a test simulating an outage) takes a minute.
    forceCloseConnections: true,
    ...serverTimeoutOptions({ ...DEFAULT_SERVER_TIMEOUTS, ...options.timeouts }),
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply, 400, 'bad_request', error.message);
    },
  });
  app.removeContentTypeParser('text/plain');
  handleErrors(app);
  if (options.log) logRequests(app);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && corsOriginAllowed(options.corsOrigins, origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    // A page's client must read how long to wait after a 429.
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  });
  if (options.databaseProblem) guardDatabaseFile(app, options.databaseProblem);
  if (options.rateLimit !== false) await limitApiRate(app, ctx, options.rateLimit, options.rateLimitStore);

  registerHealthRoute(app, ctx);
  registerStatusRoute(app, ctx);
  registerSubjectRoute(app, ctx);
  registerMeasuresRoute(app, ctx);
  registerChangesRoute(app, ctx);
  registerSnapshotRoute(app, ctx);
  registerFeedbackRoute(app, ctx);
  registerObjectionRoutes(app, ctx);
  registerRepairRoutes(app, ctx);
  registerAdminEntryRoutes(app, ctx);
  registerAdminAuditRoute(app, ctx);
  registerAdminTokenRoute(app, ctx);
  registerRecordKeyRoute(app, ctx);
  registerRecordKeyListRoute(app, ctx);
  registerCreateRecordRoute(app, ctx);
  registerVerifyRecordRoute(app, ctx);
  registerRecordCsvRoute(app, ctx);
  registerFeedbackListRoute(app, ctx);
  registerStatsRoutes(app, ctx);
  registerExtensionUpdatesRoute(app, options.extensionDir);
  registerAssessmentRoutes(app, ctx);
  registerTypicalCaseRoutes(app, ctx);
  registerIndexPage(
    app,
    ctx,
    options.staticDirs.map((s) => s.prefix),
  );
  registerSubjectPage(app, ctx);
  registerPageScripts(app);
  registerVerifyRecordPage(app, ctx);
  registerPrintRecordPage(app, ctx);
  registerStatsPage(app, ctx);
  registerDashboardPage(app, ctx);
  registerObjectionQueuePage(app, ctx);
  for (const { prefix, dir } of options.staticDirs) await serveStaticDir(app, prefix, dir);
  return app;
}
