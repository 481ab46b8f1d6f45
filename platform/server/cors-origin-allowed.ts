/**
 * True when `origin` is on the allow-list. An entry may end in `:*` to allow any port
 * (`http://localhost:*`); `'*'` allows every origin.
 */
export function corsOriginAllowed(allowList: readonly string[] | '*', origin: string): boolean {
  if (allowList === '*') return true;
  return allowList.some((allowed) => {
    if (allowed === '*') return true;
    if (allowed.endsWith(':*')) {
      const base = allowed.slice(0, -2);
      return origin === base || (origin.startsWith(`${base}:`) && /^\d{1,5}$/.test(origin.slice(base.length + 1)));
    }
    return origin === allowed;
  });
}
