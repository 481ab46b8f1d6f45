import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The options a command takes: `--name` booleans and `--name value` / `--name=value` strings. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** A command line split by node:util's parseArgs, or the usage error to print (bilingual, as every CLI message). */
export type ParsedOptions<T extends CommandOptions> =
  | { ok: true; values: ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>['values']; positionals: string[] }
  | { ok: false; error: string };

/**
 * Splits `args` into the options a command declares and its positionals, with node:util's
 * parseArgs (strict): any number of positionals anywhere, `--` ends the options, a repeated string
 * option keeps its last value. An undeclared option, a string option without its value (or with
 * one that starts with a dash, which is taken for a forgotten value) and a boolean given a value
 * are usage errors.
 */
export function parseOptions<T extends CommandOptions>(args: readonly string[], options: T): ParsedOptions<T> {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { ok: true, values, positionals };
  } catch (error) {
    return { ok: false, error: usageError(error) };
  }
}

function usageError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]*)/.exec(message ?? '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 unknown option: ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(message ?? '') ? `${option} 不带值 takes no value` : `${option} 需要一个值 needs a value`;
  }
  throw error;
}
