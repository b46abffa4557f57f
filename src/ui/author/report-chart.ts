// Loaded only by the balance report.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Draws a horizontal bar chart (ending distribution); returns the cleanup. */
export function drawBarChart(
  canvas: HTMLCanvasElement,
  data: { labels: string[]; values: number[]; axis: string },
): () => void {
  const chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [{ label: data.axis, data: data.values, backgroundColor: "#1f5fa8" }],
    },
    options: {
      indexAxis: "y",
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: { x: { beginAtZero: true, title: { display: true, text: data.axis } } },
      plugins: { tooltip: { enabled: true } },
    },
    plugins: [
      {
        id: "drawn",
        afterRender() {
          canvas.dataset.drawn = "true";
        },
      },
    ],
  });
  return () => chart.destroy();
}
