import { type BundledScenario, loadBundledScenarios } from "../bundled-scenarios";
import { playableScenarios } from "../scenario-library";

/**
 * The scenarios a workshop can be set up with: the bundled ones, then the ones published from the editor (the
 * library). Broken entries are kept so a view can say why; the library failing to load leaves the bundled ones.
 */
export async function workshopScenarios(): Promise<BundledScenario[]> {
  const bundled = loadBundledScenarios();
  return playableScenarios(bundled).catch(() => bundled);
}
