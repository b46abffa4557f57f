/** The bundled scenarios, compiled at build time (see scripts/bundled-scenarios-plugin.ts). */
declare module "virtual:bundled-scenarios" {
  const entries: unknown[];
  export default entries;
}
