import { scenarioJsonSchema } from "../engine/index";
import { analyzeCommand } from "./analyze";
import { USAGE, UsageError } from "./args";
import { importTwineCommand } from "./import-twine";
import { type Output, processOutput } from "./output";
import { playCommand } from "./play";
import { validateCommand } from "./validate";

/** Runs one CLI command and returns its exit code: 0 fine, 1 problems found, 2 usage error. */
export async function runCli(argv: string[], out: Output, interactive: boolean): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "validate":
        return validateCommand(rest, out);
      case "play":
        return await playCommand(rest, out, interactive);
      case "analyze":
        return analyzeCommand(rest, out);
      case "import-twine":
        return importTwineCommand(rest, out);
      case "schema":
        out.out(JSON.stringify(scenarioJsonSchema(), null, 2));
        return 0;
      case "help":
      case "--help":
      case "-h":
        out.out(USAGE);
        return 0;
      case undefined:
        throw new UsageError("no command given");
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      out.err(`error: ${e.message}`);
      out.err(USAGE);
      return 2;
    }
    out.err(`error: ${(e as Error)?.message ?? String(e)}`);
    return 1;
  }
}

const isEntry =
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isEntry) {
  // `... | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
  });
  runCli(process.argv.slice(2), processOutput, Boolean(process.stdin.isTTY)).then((code) => {
    process.exitCode = code;
  });
}
