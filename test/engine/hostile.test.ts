import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadScenario } from "../../src/engine/index";

const messages = (text: string) => loadScenario("hostile.yaml", text).diagnostics.map(formatDiagnostic);

describe("hostile input", () => {
  it("refuses a 10 MB file with a clear error", () => {
    const big = `format: 1\nid: big\nsummary: ${"x".repeat(10_000_000)}\n`;
    expect(messages(big)).toEqual([
      "hostile.yaml:1:1: error: the file is too large (10.0 MB); a scenario file may be at most 1 MB",
    ]);
  });

  it("refuses deeply nested flow collections without overflowing the stack", () => {
    const deep = `format: 1\nid: deep\nx: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`;
    expect(messages(deep)[0]).toMatch(/nested too deeply|too large/);
    const deep2 = `x: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`;
    expect(messages(deep2)[0]).toMatch(/nested too deeply/);
  });

  it("refuses deeply indented block mappings", () => {
    let text = "";
    for (let i = 0; i < 300; i++) text += `${"  ".repeat(i)}k${i}:\n`;
    expect(messages(text)[0]).toMatch(/nested too deeply/);
  });

  it("does not let __proto__ keys reach an object's prototype", () => {
    const result = loadScenario("hostile.yaml", "__proto__: { polluted: true }\nformat: 1\n");
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.diagnostics.map((d) => d.message)).toContain('"__proto__" cannot be used as a key');
  });

  it("handles a file of random bytes", () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join("");
    const result = loadScenario("hostile.yaml", bytes);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.message).toMatch(/binary data/);
  });
});
