// Serves the project with Vite's dev server on a free local port, so test/e2e/harness/world.html can be opened.
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";

/** A running harness server: the page's address and how to stop it. */
export interface HarnessServer {
  url: (query?: string) => string;
  close: () => Promise<void>;
}

export async function serveHarness(): Promise<HarnessServer> {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const server = await createServer({
    root,
    configFile: false,
    logLevel: "warn",
    cacheDir: "node_modules/.vite-world-harness",
    server: { host: "127.0.0.1", port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { entries: ["test/e2e/harness/world.html"], include: ["phaser", "yaml", "zod", "xstate"] },
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/test/e2e/harness/world.html`;
  return {
    url: (query = "") => (query ? `${base}?${query}` : base),
    close: () => server.close(),
  };
}
