/**
 * Registers the service worker that the production build generates (vite-plugin-pwa, see vite.config.ts), so
 * that after one visit the game and the workshop load with no network. Does nothing in development, in tests
 * without a build, or where service workers are unsupported (or blocked); a failure is only logged.
 */
export function registerOffline(): void {
  // The mode, not PROD: a build started from the test runner (NODE_ENV=test) is still a production build.
  if (import.meta.env.MODE === "development" || typeof navigator === "undefined") return;
  if (!("serviceWorker" in navigator)) return;
  const register = () =>
    navigator.serviceWorker.register("./sw.js", { scope: "./" }).catch((e: unknown) => {
      console.warn("Offline use is not available:", e);
    });
  // After the page has loaded, so precaching never competes with the first screen for the network.
  if (document.readyState === "complete") void register();
  else window.addEventListener("load", () => void register(), { once: true });
}
