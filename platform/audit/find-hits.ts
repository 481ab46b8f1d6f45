import type { VerdictKind } from '../../core/verdict/verdict-types.ts';
import type { AuditHit } from '../db/audit-repository.ts';

/**
 * The codes of a check that found an active black entry (a punishment is due) or, failing that,
 * an active red one (an incentive is due): what the credit office follows up. A code under
 * objection (`disputed`) has its measures suspended and is no hit; each code counts once.
 */
export function findHits(answers: Iterable<{ code: string; kind: VerdictKind }>): AuditHit[] {
  const hits = new Map<string, AuditHit>();
  for (const { code, kind } of answers) {
    if ((kind === 'black' || kind === 'red') && !hits.has(code)) hits.set(code, { code, kind });
  }
  return [...hits.values()];
}
