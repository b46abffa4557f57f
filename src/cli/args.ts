import { parseArgs } from "node:util";

/** A problem with the command line: shown with the usage, never as a stack trace. */
export class UsageError extends Error {}

export const USAGE = `usage: npm run scenario -- <command> [options]

commands:
  validate <files...>                         check scenario files; exit 1 if any has errors
  play <file> [--seed N] [--choose a,b,...] [--auto first|random] [--json]
                                              play a scenario in the terminal
  analyze <file> [--runs N] [--seed N] [--json]
                                              balance report from random and exhaustive play
  import-twine <file> [-o out.yaml] [--story NAME] [--force]
                                              a Twee or Twine 2 HTML story as a new scenario
  schema                                      print the scenario JSON Schema
  help                                        show this help`;

type Spec = Record<string, { type: "string" | "boolean" }>;

/** Parses options strictly; unknown options and missing values become UsageErrors. */
export function parse(
  argv: string[],
  options: Spec,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new UsageError(
      (e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, "").split(". To specify")[0]!,
    );
  }
}

/** Reads a whole-number option. */
export function intOption(
  value: string | boolean | undefined,
  name: string,
  fallback: number,
  min = 0,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== "string" || !Number.isInteger(n) || n < min) {
    throw new UsageError(
      `--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ""}, not "${String(value)}"`,
    );
  }
  return n;
}
