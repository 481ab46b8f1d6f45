import { randomBytes, randomUUID } from 'node:crypto';
import type { Repositories } from '../db/repositories.ts';
import { hashToken } from './hash-token.ts';
import type { Role } from './role.ts';

/** Issues a new random token for a department; only its hash is stored, so the token is shown once. */
export async function createToken(repos: Repositories, department: string, role: Role, label: string | null = null): Promise<{ id: string; token: string }> {
  const token = `cl_${randomBytes(24).toString('base64url')}`;
  const id = `tok-${randomUUID()}`;
  await repos.tokens.insert({ id, department, role, label, createdAt: new Date().toISOString() }, hashToken(token));
  return { id, token };
}
