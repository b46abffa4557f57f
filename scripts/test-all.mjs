// `npm test`: typecheck, lint, the schema is current, then every vitest project (unit and end-to-end in Chromium).
// Ends with vitest's counts as a plain `N passed, N failed` line (printed by test/support/summary-reporter.ts).
import { spawnSync } from "node:child_process";

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["biome", "check", "--error-on-warnings", "."]],
  ["schema is current", "npx", ["tsx", "scripts/write-schema.ts", "--check"]],
  ["tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=./test/support/summary-reporter.ts"]],
];
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n== ${name} ==\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    process.stdout.write(`\n${name} failed\n`);
    if (name !== "tests") process.stdout.write("0 passed, 1 failed\n");
    process.exit(r.status ?? 1);
  }
}
