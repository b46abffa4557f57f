// `npm run bench`: runs every bench/*.bench.ts in name order; each prints its own figures.
import { readdirSync } from "node:fs";
import os from "node:os";

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${os.platform()} ${os.arch()}`,
);
const only = process.argv[2];
const files = readdirSync(new URL(".", import.meta.url))
  .filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)))
  .sort();
for (const file of files) {
  console.log(`\n== ${file.replace(".bench.ts", "")} ==`);
  const mod = (await import(`./${file}`)) as { default: () => Promise<void> | void };
  await mod.default();
}
