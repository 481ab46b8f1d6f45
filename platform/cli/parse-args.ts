import { parseArgs as parseCommandLine } from 'node:util';

/** Every option of `npm run platform -- …` (platform/main.ts's help lists them per command). */
export const PLATFORM_OPTIONS = {
  create: { type: 'boolean' },
  demo: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'write-list': { type: 'boolean' },
  compromised: { type: 'boolean' },
  help: { type: 'boolean' },
  department: { type: 'string' },
  label: { type: 'string' },
  role: { type: 'string' },
  subjects: { type: 'string' },
  seed: { type: 'string' },
  mapping: { type: 'string' },
  since: { type: 'string' },
  key: { type: 'string' },
  workers: { type: 'string' },
} as const;

/** A platform command line: its words, and its options as `--flag` → value (`true` for a boolean). */
export interface PlatformArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits the platform's command line with node:util's parseArgs (strict): positionals anywhere,
 * `--name value` or `--name=value` for the string options, `--` ends the options. An option the
 * platform does not have, a string option without its value and a boolean given one come back as
 * the usage error to print (main exits 2 with the help).
 */
export function parseArgs(argv: readonly string[]): PlatformArgs | { error: string } {
  try {
    const { values, positionals } = parseCommandLine({ args: [...argv], options: PLATFORM_OPTIONS, allowPositionals: true, strict: true });
    const flags = new Map<string, string | true>();
    for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== false) flags.set(name, value);
    return { positionals, flags };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === undefined || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    const option = /'(-[^' ]*)/.exec(message ?? '')?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { error: `unknown option: ${option}` };
    return { error: /does not take an argument/.test(message ?? '') ? `${option} takes no value` : `${option} needs a value` };
  }
}
