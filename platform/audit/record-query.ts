import type { FastifyRequest } from 'fastify';
import type { VerdictCounts } from '../../core/api/stats-schema.ts';
import type { Caller } from '../auth/caller.ts';
import type { AuditHit, AuditRecord } from '../db/audit-repository.ts';
import type { PlatformContext } from '../server/platform-context.ts';

/** What one query of credit information leaves in the audit log. */
type QueryFacts = [
  request: FastifyRequest,
  caller: Caller,
  endpoint: string,
  codes: string[],
  purpose: string | null,
  verdicts?: Partial<VerdictCounts> | null,
  followUp?: { caseReference: string | null; hits: readonly AuditHit[] } | null,
];

/**
 * Registers a query of credit information in the audit log (section (二十七)): who, which codes,
 * why, from where — and, for checks, how many codes of each verdict it found, for statistics, and
 * (`followUp`) the case and the codes found on an active black or red list, for the credit office.
 */
export async function recordQuery(ctx: PlatformContext, ...facts: QueryFacts): Promise<void> {
  await ctx.repos.audit.record(auditEntry(...facts));
}

/**
 * `recordQuery` through the audit log's group commit (one transaction for the queries of a few
 * milliseconds): resolves once the row is committed. The status route awaits it before
 * it answers, so no answered query is missing from the log after a crash.
 */
export async function recordQueryCommitted(ctx: PlatformContext, ...facts: QueryFacts): Promise<void> {
  return await ctx.repos.audit.commit(auditEntry(...facts));
}

function auditEntry(...[request, caller, endpoint, codes, purpose, verdicts = null, followUp = null]: QueryFacts): Omit<AuditRecord, 'id'> {
  return {
    at: new Date().toISOString(),
    tokenId: caller.tokenId,
    department: caller.department,
    endpoint,
    codes,
    purpose,
    ip: request.ip ?? null,
    verdicts,
    caseReference: followUp?.caseReference ?? null,
    hits: followUp?.hits ?? null,
  };
}
