// Builds the app into a directory of its own and serves that production build on a free local port.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, preview } from "vite";

/** A served production build: its address, and `close` to stop the server and remove the build. */
export interface BuiltApp {
  base: string;
  close: () => Promise<void>;
}

/** A build directory of its own, so two runs in the same tree never serve each other's half-built files. */
export async function serveBuiltApp(): Promise<BuiltApp> {
  const outDir = mkdtempSync(join(tmpdir(), "cih-build-"));
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: "warn",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
