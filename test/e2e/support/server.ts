// Builds the app once and serves the production build on a free local port for the end-to-end tests.
import type { TestProject } from "vitest/node";
import { serveBuiltApp } from "./built-app";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  const app = await serveBuiltApp();
  project.provide("baseURL", app.base);
  return app.close;
}
