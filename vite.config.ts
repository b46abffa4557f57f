import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { defineConfig } from "vitest/config";

export default defineConfig({
  base: "./",
  plugins: [
    bundledScenariosPlugin(fileURLToPath(new URL(".", import.meta.url))),
    // Offline after one visit (venues have bad networks): a service worker precaches every built asset, the
    // lazily loaded chunks (Phaser's world, the workshop, charts) included. Registered by src/app/offline.ts.
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,ico,json,woff2}"],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: "index.html",
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once, so it already works offline.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  // Preact's automatic JSX runtime for src/ui (tsconfig's jsxImportSource says the same to tsc).
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  // The dev server's dependency scan transforms JSX with its own options: the same runtime, or it looks for React.
  optimizeDeps: { rolldownOptions: { transform: { jsx: { runtime: "automatic", importSource: "preact" } } } },
  build: {
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The engine is pure (no module side effects), so the parts the game does not use (the YAML loader, the
      // schema, the analyzer, and with them yaml and zod) stay out of the bundle: scenarios arrive compiled.
      treeshake: {
        moduleSideEffects: [
          { test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false },
          { test: /[\\/]node_modules[\\/](yaml|zod)[\\/]/, sideEffects: false },
        ],
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          setupFiles: ["test/support/indexeddb.ts"],
          // Property tests and analyses run thousands of playthroughs; a loaded CI machine must not fail them.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.e2e.ts"],
          globalSetup: ["test/e2e/support/server.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

// The scenario files are parsed, validated and compiled at build time, so the browser receives ready Scenario
// data (no YAML parsing or schema checks before the first screen). Broken files keep their diagnostics, which
// the title screen shows.
const ID = "virtual:bundled-scenarios";
const RESOLVED = `\0${ID}`;
/** JSON has no Infinity (an unbounded metric's min or max): they travel as these strings and are revived. */
const INFINITY = "\u0000Infinity";
const NEGATIVE_INFINITY = "\u0000-Infinity";

/** Serves `virtual:bundled-scenarios`: every scenarios/*.yaml, loaded with the engine's own loader. */
export function bundledScenariosPlugin(root: string, dir = join(root, "scenarios")): Plugin {
  return {
    name: "change-is-hard:bundled-scenarios",
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      // Through tsx, not a static import: Vite's config loader would otherwise bundle the whole engine into
      // the config (and warn about every extensionless import in it).
      const { tsImport } = await import("tsx/esm/api");
      const engine = (await tsImport(
        pathToFileURL(join(root, "src/engine/index.ts")).href,
        import.meta.url,
      )) as typeof import("./src/engine/index");
      const { loadScenario } = engine;
      const entries = readdirSync(dir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
        .map((name) => {
          const path = join(dir, name);
          this.addWatchFile(path);
          const file = `scenarios/${name}`;
          const result = loadScenario(file, readFileSync(path, "utf8"));
          return result.ok
            ? { file, ok: true, scenario: result.scenario, diagnostics: result.diagnostics }
            : { file, ok: false, diagnostics: result.diagnostics };
        });
      const json = JSON.stringify(entries, (_key, value) =>
        value === Number.POSITIVE_INFINITY
          ? INFINITY
          : value === Number.NEGATIVE_INFINITY
            ? NEGATIVE_INFINITY
            : value,
      );
      // JSON.parse of a string literal: faster than an object literal, and keys such as "__proto__" stay data.
      return [
        `const INFINITY = ${JSON.stringify(INFINITY)};`,
        `const NEGATIVE_INFINITY = ${JSON.stringify(NEGATIVE_INFINITY)};`,
        `export default JSON.parse(${JSON.stringify(json)}, (_k, v) => (v === INFINITY ? Infinity : v === NEGATIVE_INFINITY ? -Infinity : v));`,
      ].join("\n");
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(dir)) return;
      const mod = server.moduleGraph.getModuleById(RESOLVED);
      if (mod) server.moduleGraph.invalidateModule(mod);
    },
  };
}
