// Twine importer figures: a long story, and the hostile inputs the tests check for clear errors.
import { readdirSync, readFileSync } from "node:fs";
import { importTwine } from "../src/authoring/twine/index";

function time(label: string, fn: () => void): void {
  const t = performance.now();
  try {
    fn();
  } catch {
    // the hostile inputs end in a clear TwineImportError; the time to reach it is what is measured
  }
  console.log(`${label}: ${(performance.now() - t).toFixed(0)} ms`);
}

export default function twineImportBench(): void {
  const chain = Array.from({ length: 2000 }, (_, i) => `:: P${i}\n[[P${i + 1}]] (set: $x to it + 1)`).join(
    "\n",
  );
  time("2,000-passage Twee chain", () => importTwine(chain));
  time("100,000 unclosed Harlowe macros", () => importTwine(`:: Start\n${"(a: ".repeat(100_000)}`));
  time("100,000 unclosed SugarCube macros", () =>
    importTwine(`:: StoryData\n{"format":"SugarCube"}\n:: Start\n${"<<a ".repeat(100_000)}`),
  );
  const examples = "../shared/twine/examples";
  let files: string[] = [];
  try {
    files = readdirSync(examples);
  } catch {
    console.log(`${examples} not found: skipping the example files`);
  }
  for (const f of files)
    time(`example ${f}`, () => importTwine(readFileSync(`${examples}/${f}`, "utf8"), { fileName: f }));
}
