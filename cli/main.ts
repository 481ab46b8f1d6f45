// Entry point of `npm run cli -- <command> …`: a plain table from command name to command, so a
// new command is one import and one line.
import { pathToFileURL } from 'node:url';
import { EXIT_USAGE, type CliCommand, type CliIo } from './cli-command.ts';
import { checkCommand } from './commands/check-command.ts';
import { scanCommand } from './commands/scan-command.ts';
import { validateCommand } from './commands/validate-command.ts';
import { verifyCommand } from './commands/verify-command.ts';

const COMMANDS: Record<string, CliCommand> = {
  validate: validateCommand,
  scan: scanCommand,
  verify: verifyCommand,
  check: checkCommand,
};

/** The usage text listing every command. */
export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    'CreditLens 信用透镜 — command line',
    '',
    'usage: npm run cli -- <command> [options]',
    '',
    ...lines,
    '  help',
    '      显示本说明 Show this help',
    '',
    'Exit codes: 0 ok; 1 validate found a code that is not valid, verify found a record not valid, or check found a code black or unknown; 2 usage error (or, for verify, platform unreachable).',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令 unknown command: ${name}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  process.exitCode = await main(process.argv.slice(2), io);
}
