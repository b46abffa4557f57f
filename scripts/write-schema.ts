// Writes scenarios/scenario.schema.json from the zod schema in src/engine/format.ts (the single source).
// With --check, fails instead when the committed file differs, so the two can never drift apart.
import { readFileSync, writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../src/engine/format";

const target = new URL("../scenarios/scenario.schema.json", import.meta.url);
const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  if (current !== text) {
    console.error("scenarios/scenario.schema.json is out of date: run `npm run schema`");
    process.exit(1);
  }
  console.log("scenarios/scenario.schema.json matches src/engine/format.ts");
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
