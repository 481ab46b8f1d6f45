import type { Repositories } from '../db/repositories.ts';
import { hashToken } from './hash-token.ts';

/** Deterministic tokens of the demo data set (never use them outside a demo). */
export const DEMO_TOKENS = {
  viewer: 'demo-viewer-hanyang-2018',
  department: 'demo-department-hanyang-2018',
  admin: 'demo-admin-hanyang-2018',
} as const;

/** Departments the demo tokens act for. */
export const DEMO_DEPARTMENTS = {
  viewer: '区政务服务中心',
  department: '区市场监管局',
  admin: '区信用办',
} as const;

/** Stores the demo tokens (hashed) unless they are there already. */
export function ensureDemoTokens(repos: Repositories): typeof DEMO_TOKENS {
  const createdAt = new Date().toISOString();
  for (const role of ['viewer', 'department', 'admin'] as const) {
    repos.tokens.insert({ id: `demo-${role}`, department: DEMO_DEPARTMENTS[role], role, label: `demo ${role}`, createdAt }, hashToken(DEMO_TOKENS[role]));
  }
  return DEMO_TOKENS;
}
