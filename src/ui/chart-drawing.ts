// Loaded only by the debrief, so chart.js never weighs on the first screen.
import {
  Chart,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

/** What to draw: one metric's weekly values, and the weeks at which choices were made. */
export interface MetricChartData {
  label: string;
  points: { x: number; y: number }[];
  choiceWeeks: number[];
  min: number;
  max: number | undefined;
  animate: boolean;
}

/** Draws a metric's line chart with a dashed, numbered mark at each choice; returns the cleanup. */
export function drawMetricChart(canvas: HTMLCanvasElement, data: MetricChartData): () => void {
  const choiceMarks: Plugin<"line"> = {
    id: "choiceMarks",
    afterRender() {
      // Lets tests and print see that the chart has been drawn.
      canvas.dataset.drawn = "true";
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x) return;
      ctx.save();
      ctx.strokeStyle = "#8a5a00";
      ctx.fillStyle = "#6b4500";
      ctx.setLineDash([4, 4]);
      ctx.font = "12px system-ui, sans-serif";
      ctx.textAlign = "center";
      data.choiceWeeks.forEach((week, i) => {
        const px = x.getPixelForValue(week);
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top + 14);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
        ctx.fillText(
          String(i + 1),
          px + (i > 0 && data.choiceWeeks[i - 1] === week ? 10 : 0),
          chartArea.top + 10,
        );
      });
      ctx.restore();
    },
  };
  const chart = new Chart(canvas, {
    type: "line",
    data: {
      datasets: [
        {
          label: data.label,
          data: data.points,
          borderColor: "#1f5fa8",
          backgroundColor: "#1f5fa8",
          pointRadius: 2,
          tension: 0,
        },
      ],
    },
    options: {
      animation: data.animate ? { duration: 400 } : false,
      maintainAspectRatio: false,
      responsive: true,
      parsing: false,
      plugins: { tooltip: { enabled: true } },
      scales: {
        x: { type: "linear", title: { display: true, text: "Week" }, ticks: { stepSize: 1 } },
        y: {
          type: "linear",
          title: { display: true, text: data.label },
          suggestedMin: data.min,
          ...(data.max === undefined ? {} : { suggestedMax: data.max }),
        },
      },
    },
    plugins: [choiceMarks],
  });
  return () => chart.destroy();
}
