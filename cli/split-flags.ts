/** Separates `--flag` arguments from positional ones; `--` ends flags. Returns unknown flags so the caller can reject them. */
export function splitFlags(args: string[], known: readonly string[]): { flags: Set<string>; positional: string[]; unknown: string[] } {
  const flags = new Set<string>();
  const positional: string[] = [];
  const unknown: string[] = [];
  let flagsDone = false;
  for (const arg of args) {
    if (flagsDone || !arg.startsWith('--')) positional.push(arg);
    else if (arg === '--') flagsDone = true;
    else if (known.includes(arg)) flags.add(arg);
    else unknown.push(arg);
  }
  return { flags, positional, unknown };
}
