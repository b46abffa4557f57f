import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadScenario } from "../../src/engine/index";

// Each broken file sits beside a `.expected` file with the exact diagnostics it must produce, one per line.
const folder = "test/fixtures/broken";
const files = readdirSync(folder).filter((f) => f.endsWith(".yaml"));

describe("broken scenario files", () => {
  it("has fixtures to check", () => {
    expect(files.length).toBeGreaterThan(15);
  });

  for (const name of files) {
    it(`reports exactly the expected diagnostics for ${name}`, () => {
      const path = `${folder}/${name}`;
      const text = readFileSync(path, "latin1");
      const expected = readFileSync(path.replace(/\.yaml$/, ".expected"), "utf8")
        .trim()
        .split("\n");
      const result = loadScenario(path, text);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map(formatDiagnostic)).toEqual(expected);
    });
  }
});
