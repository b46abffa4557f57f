import { defineConfig } from "vitest/config";

export default defineConfig({
  base: "./",
  // Preact's automatic JSX runtime for src/ui (tsconfig's jsxImportSource says the same to tsc).
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 1600 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          setupFiles: ["test/support/indexeddb.ts"],
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
