// The shape every CLI command has, so main.ts can dispatch through a plain table and tests can
// run commands in-process with captured output.

/** Where a command writes; tests pass collectors, main.ts passes process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** One CLI command: `run` resolves to the process exit code. */
export interface CliCommand {
  /** One line for the usage text, e.g. `validate [--json] <code…>`. */
  usage: string;
  /** What it does, in Chinese and English. */
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit code for a command line that cannot be understood. */
export const EXIT_USAGE = 2;
