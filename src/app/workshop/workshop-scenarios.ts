import { type BundledScenario, loadBundledScenarios } from "../bundled-scenarios";

/**
 * The scenarios a workshop can be set up with: the bundled ones. The one place to extend when published
 * (library) scenarios become available to workshops. Broken entries are kept so the set-up form can say why.
 */
export async function workshopScenarios(): Promise<BundledScenario[]> {
  return loadBundledScenarios();
}
