// Loaded only when comparison charts are shown, so chart.js never weighs on a first screen.
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

/** One metric for every team: a line per team over the weeks. */
export interface ComparisonChartData {
  label: string;
  lines: { team: string; color: string; dash: number[]; points: { x: number; y: number }[] }[];
  min: number;
  max: number | undefined;
  animate: boolean;
  /** Tick, title and legend text size in CSS pixels (larger on the projector). */
  fontSize: number;
}

/** Draws a comparison chart; returns the cleanup. */
export function drawComparisonChart(canvas: HTMLCanvasElement, data: ComparisonChartData): () => void {
  const chart = new Chart(canvas, {
    type: "line",
    data: {
      datasets: data.lines.map((l) => ({
        label: l.team,
        data: l.points,
        borderColor: l.color,
        backgroundColor: l.color,
        borderDash: l.dash,
        borderWidth: 3,
        pointRadius: 2,
        tension: 0,
      })),
    },
    options: {
      animation: data.animate ? { duration: 300 } : false,
      maintainAspectRatio: false,
      responsive: true,
      parsing: false,
      plugins: {
        legend: { display: true, position: "bottom", labels: { font: { size: data.fontSize } } },
        tooltip: { enabled: true },
      },
      scales: {
        x: {
          type: "linear",
          title: { display: true, text: "Week", font: { size: data.fontSize } },
          ticks: { stepSize: 1, font: { size: data.fontSize } },
        },
        y: {
          type: "linear",
          title: { display: true, text: data.label, font: { size: data.fontSize } },
          ticks: { font: { size: data.fontSize } },
          suggestedMin: data.min,
          ...(data.max === undefined ? {} : { suggestedMax: data.max }),
        },
      },
    },
    plugins: [
      {
        id: "drawnMark",
        afterRender() {
          canvas.dataset.drawn = "true";
        },
      },
    ],
  });
  return () => chart.destroy();
}
