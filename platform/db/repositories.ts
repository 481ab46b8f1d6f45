import type { Database } from 'better-sqlite3';
import { AuditRepository } from './audit-repository.ts';
import { CodeLookupRepository } from './code-lookup-repository.ts';
import { ChangeRepository } from './change-repository.ts';
import { EntryRepository } from './entry-repository.ts';
import { EventRepository } from './event-repository.ts';
import { FeedbackRepository } from './feedback-repository.ts';
import { MetaRepository } from './meta-repository.ts';
import { ObjectionOutcomeRepository } from './objection-outcome-repository.ts';
import { ObjectionRepository } from './objection-repository.ts';
import { RepairRepository } from './repair-repository.ts';
import { SigningKeyRepository } from './signing-key-repository.ts';
import { SubjectRepository } from './subject-repository.ts';
import { TokenRepository } from './token-repository.ts';
import { TypicalCaseRepository } from './typical-case-repository.ts';

/** Every repository over one database, with their statements prepared once. */
export interface Repositories {
  db: Database;
  subjects: SubjectRepository;
  entries: EntryRepository;
  objections: ObjectionRepository;
  repairs: RepairRepository;
  changes: ChangeRepository;
  /** A batch of codes with their entries, in one statement (the status route's lookups). */
  lookup: CodeLookupRepository;
  events: EventRepository;
  feedback: FeedbackRepository;
  tokens: TokenRepository;
  audit: AuditRepository;
  meta: MetaRepository;
  signingKeys: SigningKeyRepository;
  typicalCases: TypicalCaseRepository;
  objectionOutcomes: ObjectionOutcomeRepository;
}

/** Prepares every repository over `db` (already migrated). */
export function createRepositories(db: Database): Repositories {
  return {
    db,
    subjects: new SubjectRepository(db),
    entries: new EntryRepository(db),
    objections: new ObjectionRepository(db),
    repairs: new RepairRepository(db),
    changes: new ChangeRepository(db),
    lookup: new CodeLookupRepository(db),
    events: new EventRepository(db),
    feedback: new FeedbackRepository(db),
    tokens: new TokenRepository(db),
    audit: new AuditRepository(db),
    meta: new MetaRepository(db),
    signingKeys: new SigningKeyRepository(db),
    typicalCases: new TypicalCaseRepository(db),
    objectionOutcomes: new ObjectionOutcomeRepository(db),
  };
}
