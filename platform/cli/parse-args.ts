/** Command-line words split into positionals and `--flag [value]` options (`--flag` alone is `true`). */
export function parseArgs(argv: readonly string[], booleanFlags: readonly string[] = []): { positionals: string[]; flags: Map<string, string | true> } {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word.startsWith('--')) {
      const [name, inline] = word.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags.set(name, inline);
      else if (!booleanFlags.includes(name) && i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--')) flags.set(name, argv[++i] as string);
      else flags.set(name, true);
    } else positionals.push(word);
  }
  return { positionals, flags };
}
