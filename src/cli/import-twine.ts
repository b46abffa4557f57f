import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { importTwine, TwineImportError } from "../authoring/twine/index";
import { parse, UsageError } from "./args";
import type { Output } from "./output";

const MAX_FILE_BYTES = 20_000_000;

/**
 * `import-twine <file> [-o out.yaml] [--story NAME] [--force]`: a Twee or Twine 2 HTML file becomes a scenario.
 * The YAML goes to stdout or to `-o`; every warning goes to stderr as `file: passage "Name": message`.
 */
export function importTwineCommand(argv: string[], out: Output): number {
  const args = argv.map((a) => (a === "-o" ? "--output" : a));
  const { values, positionals } = parse(args, {
    output: { type: "string" },
    story: { type: "string" },
    force: { type: "boolean" },
  });
  if (positionals.length !== 1)
    throw new UsageError("import-twine needs exactly one Twee or Twine HTML file");
  const file = positionals[0]!;
  const output = values.output as string | undefined;
  if (output !== undefined && existsSync(output) && !values.force) {
    out.err(`error: ${output} exists; add --force to overwrite it`);
    return 1;
  }
  let text: string;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      out.err(`error: ${file} is a folder, not a Twine file`);
      return 1;
    }
    if (stat.size > MAX_FILE_BYTES) {
      out.err(
        `error: ${file}: the file is too large (${(stat.size / 1_000_000).toFixed(1)} MB; at most 20 MB)`,
      );
      return 1;
    }
    text = readFileSync(file, "utf8");
  } catch {
    out.err(`error: ${file}: no such file`);
    return 1;
  }
  let result: ReturnType<typeof importTwine>;
  try {
    result = importTwine(text, {
      fileName: basename(file),
      ...(values.story !== undefined ? { story: values.story as string } : {}),
    });
  } catch (e) {
    if (e instanceof TwineImportError) {
      out.err(`error: ${file}: ${e.message}`);
      return 1;
    }
    throw e;
  }
  for (const w of result.warnings) {
    out.err(`${file}: ${w.passage !== undefined ? `passage "${w.passage}": ` : ""}${w.message}`);
  }
  if (output === undefined) out.out(result.yaml.replace(/\n$/, ""));
  else {
    try {
      writeFileSync(output, result.yaml);
    } catch (e) {
      out.err(`error: cannot write ${output}: ${(e as Error).message}`);
      return 1;
    }
    out.err(`wrote ${output} (${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"})`);
  }
  return 0;
}
