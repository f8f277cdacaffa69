/**
 * @module The completion-over-time chart (Chart.js, bundled and loaded with the first chart, no
 * CDN). The canvas is one labelled image; the table beside it gives the same numbers.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import type { Chart } from 'chart.js';
import type { SeriesPoint } from './learn-types.ts';

let loading: Promise<typeof Chart> | undefined;
function loadChart(): Promise<typeof Chart> {
  loading ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.LineController, m.LineElement, m.PointElement, m.CategoryScale, m.LinearScale, m.Legend, m.Tooltip);
    return m.Chart;
  });
  return loading;
}

export interface CompletionChartProps {
  points: SeriesPoint[];
  label: string;
  completionsLabel: string;
  learnersLabel: string;
}

/** Completions per month (bars) and learners completed to date (line). */
export function CompletionChart({ points, label, completionsLabel, learnersLabel }: CompletionChartProps): ReactElement {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: Chart | undefined;
    let cancelled = false;
    void loadChart().then((ChartClass) => {
      if (cancelled || !canvas.current) return;
      const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
      const text = dark ? '#eceff1' : '#1d2125';
      chart = new ChartClass(canvas.current, {
        type: 'bar',
        data: {
          labels: points.map((p) => p.month),
          datasets: [
            { type: 'bar', label: completionsLabel, data: points.map((p) => p.completions), backgroundColor: '#0072B2' },
            { type: 'line', label: learnersLabel, data: points.map((p) => p.learnersCompleted), borderColor: '#D55E00', backgroundColor: '#D55E00' },
          ],
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { position: 'bottom', labels: { color: text } } },
          scales: { x: { ticks: { color: text } }, y: { beginAtZero: true, ticks: { color: text, precision: 0 } } },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [points, completionsLabel, learnersLabel]);
  return <div className="learn-chart"><canvas ref={canvas} role="img" aria-label={label} /></div>;
}
