// History › Stats: success rate, duration p50/p95, status distribution and the trend per day, as plain SVG charts.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Stats } from '../../../../shared/sandbox';
import { useAppStore } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDuration } from '../console/consoleState';
import { InsightsPanel } from '../insights/InsightsPanel';
import { barWidths, percent } from './runsModel';

export function StatsTab() {
  const { stats, status, error, filter } = useAppStore(useShallow((s) => ({ stats: s.runs.stats, status: s.runs.statsStatus, error: s.runs.statsError, filter: s.runs.filter })));
  const loadStats = useAppStore((s) => s.loadStats);
  useEffect(() => {
    void loadStats();
  }, [loadStats, filter]);

  if (status === 'failed' && error) return <ErrorNotice error={error} onRetry={() => void loadStats()} />;
  if (!stats) return <p className="loading">Loading statistics…</p>;
  if (stats.total === 0) {
    return (
      <EmptyState icon="history" title="No finished runs yet">
        Statistics appear once code has run in the sandbox (from the Editor, a pipeline or `ark run`).
      </EmptyState>
    );
  }
  const scope = [filter.language, filter.fromDay && `from ${filter.fromDay}`, filter.toDay && `to ${filter.toDay}`].filter(Boolean).join(', ');
  return (
    <div className="stats-tab" data-testid="stats-tab">
      {scope && <p className="muted">Filtered as in Runs: {scope}.</p>}
      <div className="stat-cards">
        <StatCard label="Runs" value={String(stats.total)} testId="stat-total" />
        <StatCard label="Success rate" value={percent(stats.successRate)} note="of runs that ran (blocked runs never did)" testId="stat-success" />
        <StatCard label="Duration p50" value={formatDuration(stats.durationP50Ms)} testId="stat-p50" />
        <StatCard label="Duration p95" value={formatDuration(stats.durationP95Ms)} testId="stat-p95" />
      </div>
      <div className="stat-charts">
        <section>
          <h3>Status distribution</h3>
          <StatusChart byStatus={stats.byStatus} />
        </section>
        <section>
          <h3>Per day: runs (bars) and success rate (line)</h3>
          <TrendChart perDay={stats.perDay} />
        </section>
      </div>
      <InsightsPanel />
    </div>
  );
}

function StatCard({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="stat-card">
      <div className="stat-label">{label}</div>
      <div className="stat-value" data-testid={testId}>
        {value}
      </div>
      {note && <div className="stat-note muted">{note}</div>}
    </div>
  );
}

// Statuses in a fixed order, so charts of different days read alike.
const statusOrder = ['success', 'error', 'timeout', 'memory-limit', 'output-limit', 'killed', 'blocked', 'failed-to-start'];

function StatusChart({ byStatus }: { byStatus: Stats['byStatus'] }) {
  const rows = [...statusOrder.filter((status) => byStatus[status] !== undefined), ...Object.keys(byStatus).filter((status) => !statusOrder.includes(status))];
  const counts = rows.map((status) => byStatus[status] ?? 0);
  const labelWidth = 110;
  const barArea = 300;
  const rowHeight = 24;
  const widths = barWidths(counts, barArea);
  const height = rows.length * rowHeight + 4;
  return (
    <svg className="chart" data-testid="chart-status" width={labelWidth + barArea + 50} height={height} role="img" aria-label="Runs per status">
      {rows.map((status, index) => (
        <g key={status} transform={`translate(0, ${index * rowHeight + 2})`} data-status={status}>
          <text x={labelWidth - 8} y={rowHeight / 2 + 4} textAnchor="end" className="chart-label">
            {status}
          </text>
          <rect x={labelWidth} y={4} width={widths[index]} height={rowHeight - 8} rx={2} className={`chart-bar bar-${status}`} />
          <text x={labelWidth + (widths[index] ?? 0) + 6} y={rowHeight / 2 + 4} className="chart-value">
            {counts[index]}
          </text>
        </g>
      ))}
    </svg>
  );
}

function TrendChart({ perDay }: { perDay: Stats['perDay'] }) {
  const days = perDay.slice(-30);
  const width = 520;
  const height = 180;
  const pad = { left: 36, right: 36, top: 10, bottom: 28 };
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const maxRuns = Math.max(1, ...days.map((day) => day.runs));
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(4, Math.min(28, slot * 0.6));
  const x = (index: number) => pad.left + slot * index + slot / 2;
  const yRuns = (runs: number) => pad.top + plotHeight - (runs / maxRuns) * plotHeight;
  const yRate = (rate: number) => pad.top + plotHeight - rate * plotHeight;
  const line = days.map((day, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${yRate(day.successRate).toFixed(1)}`).join(' ');
  return (
    <svg className="chart" data-testid="chart-trend" width={width} height={height} role="img" aria-label="Runs and success rate per day">
      <line x1={pad.left} x2={width - pad.right} y1={pad.top + plotHeight} y2={pad.top + plotHeight} className="chart-axis" />
      <text x={pad.left - 6} y={pad.top + 8} textAnchor="end" className="chart-value">
        {maxRuns}
      </text>
      <text x={pad.left - 6} y={pad.top + plotHeight} textAnchor="end" className="chart-value">
        0
      </text>
      <text x={width - pad.right + 6} y={pad.top + 8} className="chart-value">
        100%
      </text>
      <text x={width - pad.right + 6} y={pad.top + plotHeight} className="chart-value">
        0%
      </text>
      {days.map((day, index) => (
        <g key={day.day}>
          <rect x={x(index) - barWidth / 2} y={yRuns(day.runs)} width={barWidth} height={pad.top + plotHeight - yRuns(day.runs)} className="chart-bar bar-runs">
            <title>
              {day.day}: {day.runs} runs, {percent(day.successRate)} success
            </title>
          </rect>
          {(days.length <= 8 || index % Math.ceil(days.length / 8) === 0) && (
            <text x={x(index)} y={height - 10} textAnchor="middle" className="chart-label">
              {day.day.slice(5)}
            </text>
          )}
        </g>
      ))}
      {days.length > 1 && <path d={line} className="chart-line" fill="none" />}
      {days.map((day, index) => (
        <circle key={day.day} cx={x(index)} cy={yRate(day.successRate)} r={3} className="chart-point" />
      ))}
    </svg>
  );
}
