/** Roles nest: a department may do what a viewer may, an admin what a department may. */
export const ROLES = ['viewer', 'department', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` includes the rights of `needed`. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
