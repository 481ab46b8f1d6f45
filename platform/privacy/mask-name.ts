/** Masks a personal name for public display: the surname stays, the rest becomes `*` (张三丰 → 张**). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
