import type { Repositories } from '../db/repositories.ts';
import { hashToken } from './hash-token.ts';

/**
 * Deterministic tokens of the demo data set. They are published (README, `npm start`), so they
 * are installed only into a database seeded as the demo (`seedAsDemo`), and `serve` refuses a
 * database that holds one unless told it is a demo (`--demo`).
 */
export const DEMO_TOKENS = {
  viewer: 'demo-viewer-hanyang-2018',
  department: 'demo-department-hanyang-2018',
  admin: 'demo-admin-hanyang-2018',
} as const;

/** The demo tokens of a demo platform, by role. */
export type DemoTokens = Record<keyof typeof DEMO_TOKENS, string>;

/** Departments the demo tokens act for. */
export const DEMO_DEPARTMENTS = {
  viewer: '区政务服务中心',
  department: '区市场监管局',
  admin: '区信用办',
} as const;

/** The meta key that says whether the database was seeded as the demo (`yes`) or holds real data (`no`). */
export const DEMO_META_KEY = 'demo';

const ROLES = ['viewer', 'department', 'admin'] as const;

/**
 * True when the database was seeded as the demo and holds nothing else. Databases seeded before
 * the `demo` mark existed count as demo when they carry the seed's own mark (`seededOn`).
 */
export async function isDemoDatabase(repos: Repositories): Promise<boolean> {
  const mark = await repos.meta.get(DEMO_META_KEY);
  return mark === undefined ? (await repos.meta.get('seededOn')) !== undefined : mark === 'yes';
}

/** Marks the database as the demo and stores the demo tokens (hashed) unless they are there already. Call only when seeding the demo data set. */
export async function ensureDemoTokens(repos: Repositories): Promise<DemoTokens> {
  await repos.meta.set(DEMO_META_KEY, 'yes');
  const createdAt = new Date().toISOString();
  for (const role of ROLES) {
    await repos.tokens.insert({ id: `demo-${role}`, department: DEMO_DEPARTMENTS[role], role, label: `demo ${role}`, createdAt }, hashToken(DEMO_TOKENS[role]));
  }
  return DEMO_TOKENS;
}

/** The ids of the demo tokens this database would accept (stored and not revoked). */
export async function demoTokensPresent(repos: Repositories): Promise<string[]> {
  const present: string[] = [];
  for (const role of ROLES) {
    const stored = await repos.tokens.findByHash(hashToken(DEMO_TOKENS[role]));
    if (stored && stored.revokedAt === null) present.push(stored.id);
  }
  return present;
}

/**
 * Marks the database as holding real data (an import, `init`): it is no demo any more, and any
 * demo token in it is revoked. Returns the ids revoked.
 */
export async function leaveDemo(repos: Repositories, at: string = new Date().toISOString()): Promise<string[]> {
  await repos.meta.set(DEMO_META_KEY, 'no');
  const revoked = await demoTokensPresent(repos);
  for (const id of revoked) await repos.tokens.revoke(id, at);
  return revoked;
}
