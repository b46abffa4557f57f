import type { MetricDef } from "../engine/index";

/** What formatting needs of a metric: its decimals and unit (a MetricDef, or a view of one). */
export type MetricFormat = Pick<MetricDef, "decimals" | "unit">;

/** A metric's value rounded to its decimals, as a number (the engine keeps full precision). */
export function roundMetric(def: MetricFormat, value: number): number {
  const f = 10 ** def.decimals;
  return Math.round(value * f) / f;
}

/** A metric's value as text, with its unit: "72 k£", "1.5 deploys/month". */
export function formatMetric(def: MetricFormat, value: number): string {
  const text = roundMetric(def, value).toFixed(def.decimals);
  return def.unit ? `${text} ${def.unit}` : text;
}

/** A change as text with its sign: "+5", "−2.5" (a real minus sign), "±0". */
export function formatDelta(def: MetricFormat, delta: number): string {
  const r = roundMetric(def, delta);
  if (r === 0) return "±0";
  const text = Math.abs(r).toFixed(def.decimals);
  return r > 0 ? `+${text}` : `\u2212${text}`;
}

/** The metrics a player sees during play (hidden ones are revealed only in the debrief). */
export function visibleMetrics(metrics: readonly MetricDef[]): MetricDef[] {
  return metrics.filter((m) => !m.hidden);
}
