/**
 * @module A monthly bar chart drawn with Chart.js (bundled, no CDN). Only plain numbers are drawn;
 * suppressed cells are left as gaps, and the table beside the chart (the accessible alternative)
 * says "<11". The canvas is one image with a label; its numbers are in the table.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import type { Chart, ChartConfiguration } from 'chart.js';
import type { Section } from './statistics-model.ts';

// Chart.js is loaded with the first chart (its own bundle chunk), so other pages never fetch it.
let loading: Promise<typeof Chart> | undefined;
function loadChart(): Promise<typeof Chart> {
  loading ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.Legend, m.Tooltip);
    return m.Chart;
  });
  return loading;
}

// Distinguishable for common colour-vision differences (Okabe–Ito), dark enough on white.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

export interface StatisticsChartProps {
  section: Section;
  label: string;
  seriesLabel: (label: string) => string;
}

/** The chart of one section. */
export function StatisticsChart({ section, label, seriesLabel }: StatisticsChartProps): ReactElement {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: Chart | undefined;
    let cancelled = false;
    void loadChart().then((ChartClass) => {
      if (cancelled || !canvas.current) return;
      chart = new ChartClass(canvas.current, chartConfig(section, seriesLabel));
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [section, seriesLabel]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

function chartConfig(section: Section, seriesLabel: (label: string) => string): ChartConfiguration<'bar', (number | null)[], string> {
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const text = dark ? '#eceff1' : '#1d2125';
  return {
    type: 'bar',
    data: {
      labels: section.months,
      datasets: section.series.map((series, i) => ({
        label: seriesLabel(series.label),
        data: series.cells.map((cell) => (typeof cell === 'number' ? cell : null)),
        backgroundColor: PALETTE[i % PALETTE.length],
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { color: text } } },
      scales: {
        x: { ticks: { color: text } },
        y: { beginAtZero: true, ticks: { color: text, precision: 0 } },
      },
    },
  };
}
