import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { openBrowser } from "./support/browser";

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it("lists the bundled scenarios by title", async () => {
  const { page } = browser;
  await page.goto(inject("baseURL"));
  await expect(page.getByRole("heading", { level: 1, name: "Change Is Hard" }).isVisible()).resolves.toBe(
    true,
  );
  const list = page.getByRole("list", { name: "Scenarios" });
  await expect(list.getByRole("heading", { name: "Sample: The Firewall Request" }).isVisible()).resolves.toBe(
    true,
  );
});
