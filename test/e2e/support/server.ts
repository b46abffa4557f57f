// Builds the app once and serves the production build on a free local port for the end-to-end tests.
import type { AddressInfo } from "node:net";
import { build, preview } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  await build({ logLevel: "warn", build: { outDir: "dist-e2e", emptyOutDir: true } });
  const server = await preview({
    logLevel: "warn",
    build: { outDir: "dist-e2e" },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  project.provide("baseURL", `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}
