// Builds the app once and serves the production build on a free local port for the end-to-end tests.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, preview } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  // A build directory of its own, so two test runs in the same tree never serve each other's half-built files.
  const outDir = mkdtempSync(join(tmpdir(), "cih-dist-e2e-"));
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: "warn",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  project.provide("baseURL", `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
