// Performance tracking: durations per day, where generated bodies came from, and quality across a spec's versions.
import { useEffect, useState } from 'react';
import type { ErrorData } from '../../../../shared/errors';
import type { DayFigures, Insights, SpecQuality } from '../../../../shared/insights';
import { bridge } from '../../bridge';
import { ErrorNotice } from '../../ui/ErrorNotice';

const sourceOrder = ['reuse', 'library', 'model', 'manual', 'none'] as const;

export function InsightsPanel({ days = 30 }: { days?: number }) {
  const [insights, setInsights] = useState<Insights | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  useEffect(() => {
    let current = true;
    void bridge.invoke('insights.overview', { days }).then((reply) => {
      if (!current) return;
      if (reply.ok) setInsights(reply.value);
      else setError(reply.error);
    });
    return () => {
      current = false;
    };
  }, [days]);
  if (error) return <ErrorNotice error={error} />;
  if (!insights) return <p className="loading">Loading trends…</p>;
  const generated = insights.days.reduce((sum, day) => sum + day.artifacts, 0);
  return (
    <div className="insights" data-testid="insights">
      <section>
        <h3>Run duration per day: p50 and p95 (last {days} days)</h3>
        <DurationChart days={insights.days} />
      </section>
      <section>
        <h3>Where generated bodies came from ({generated} artefacts)</h3>
        {generated ? <SourceChart days={insights.days} /> : <p className="muted">Nothing generated in this period.</p>}
      </section>
      <section>
        <h3>Quality score per spec version</h3>
        {insights.qualityBySpec.length ? <QualityTable specs={insights.qualityBySpec} /> : <p className="muted">No quality reports for generated artefacts yet.</p>}
      </section>
    </div>
  );
}

const size = { width: 520, height: 170, left: 44, right: 12, top: 10, bottom: 26 };

function xScale(count: number) {
  const plot = size.width - size.left - size.right;
  const slot = plot / Math.max(1, count);
  return { slot, x: (index: number) => size.left + slot * index + slot / 2 };
}

function DayLabels({ days }: { days: DayFigures[] }) {
  const { x } = xScale(days.length);
  const every = Math.ceil(days.length / 8);
  return (
    <>
      {days.map((day, index) =>
        // Every few days, and the last day unless a label sits right beside it.
        index % every === 0 || (index === days.length - 1 && index % every >= every / 2) ? (
          <text key={day.day} x={x(index)} y={size.height - 8} textAnchor="middle" className="chart-label">
            {day.day.slice(5)}
          </text>
        ) : null,
      )}
    </>
  );
}

function DurationChart({ days }: { days: DayFigures[] }) {
  const plotHeight = size.height - size.top - size.bottom;
  const max = Math.max(1, ...days.map((day) => day.p95Ms ?? 0));
  const { x } = xScale(days.length);
  const y = (ms: number) => size.top + plotHeight - (ms / max) * plotHeight;
  const path = (pick: (day: DayFigures) => number | null) =>
    days
      .map((day, index) => ({ value: pick(day), index }))
      .filter((point): point is { value: number; index: number } => point.value !== null)
      .map((point, i) => `${i === 0 ? 'M' : 'L'}${x(point.index).toFixed(1)},${y(point.value).toFixed(1)}`)
      .join(' ');
  return (
    <svg className="chart" width={size.width} height={size.height} role="img" aria-label="Run duration p50 and p95 per day" data-testid="chart-durations">
      <line x1={size.left} x2={size.width - size.right} y1={size.top + plotHeight} y2={size.top + plotHeight} className="chart-axis" />
      <text x={size.left - 6} y={size.top + 8} textAnchor="end" className="chart-value">
        {Math.round(max)} ms
      </text>
      <text x={size.left - 6} y={size.top + plotHeight} textAnchor="end" className="chart-value">
        0
      </text>
      <path d={path((day) => day.p95Ms)} className="chart-line line-p95" fill="none" />
      <path d={path((day) => day.p50Ms)} className="chart-line line-p50" fill="none" />
      {days.map((day, index) =>
        day.p95Ms !== null ? <circle key={`p95-${day.day}`} cx={x(index)} cy={y(day.p95Ms)} r={2.5} className="chart-point point-p95" /> : null,
      )}
      {days.map((day, index) =>
        day.p50Ms !== null ? (
          <circle key={day.day} cx={x(index)} cy={y(day.p50Ms)} r={2.5} className="chart-point">
            <title>
              {day.day}: p50 {Math.round(day.p50Ms)} ms, p95 {Math.round(day.p95Ms ?? 0)} ms over {day.runs} runs
            </title>
          </circle>
        ) : null,
      )}
      <DayLabels days={days} />
    </svg>
  );
}

function SourceChart({ days }: { days: DayFigures[] }) {
  const plotHeight = size.height - size.top - size.bottom;
  const max = Math.max(1, ...days.map((day) => day.artifacts));
  const { x, slot } = xScale(days.length);
  const barWidth = Math.max(4, Math.min(24, slot * 0.6));
  return (
    <div>
      <svg className="chart" width={size.width} height={size.height} role="img" aria-label="Generated artefacts per day by body source" data-testid="chart-sources">
        <line x1={size.left} x2={size.width - size.right} y1={size.top + plotHeight} y2={size.top + plotHeight} className="chart-axis" />
        <text x={size.left - 6} y={size.top + 8} textAnchor="end" className="chart-value">
          {max}
        </text>
        {days.map((day, index) => {
          let base = size.top + plotHeight;
          return (
            <g key={day.day}>
              {sourceOrder.map((source) => {
                const count = day.sources[source] ?? 0;
                if (!count) return null;
                const height = (count / max) * plotHeight;
                base -= height;
                return (
                  <rect key={source} x={x(index) - barWidth / 2} y={base} width={barWidth} height={height} className={`chart-bar source-${source}`}>
                    <title>
                      {day.day}: {count} from {source}
                    </title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        <DayLabels days={days} />
      </svg>
      <p className="chart-legend">
        {sourceOrder.map((source) => (
          <span key={source}>
            <i className={`swatch source-${source}`} /> {source}
          </span>
        ))}
      </p>
    </div>
  );
}

function QualityTable({ specs }: { specs: SpecQuality[] }) {
  return (
    <table className="data-table" data-testid="quality-by-spec">
      <thead>
        <tr>
          <th>Spec</th>
          <th>Checklist score by version, oldest first (analyzer score in brackets when assessed)</th>
        </tr>
      </thead>
      <tbody>
        {specs.map((spec) => (
          <tr key={spec.specId}>
            <td>{spec.specName}</td>
            <td>
              {spec.versions.map((version, index) => {
                const previous = spec.versions[index - 1]?.checklist ?? null;
                const score = version.checklist;
                const trend = previous !== null && score !== null ? (score > previous ? '▲' : score < previous ? '▼' : '=') : '';
                return (
                  <span key={version.artifactId} className="quality-step" title={`artefact #${version.artifactId}, ${version.status}`}>
                    v{version.version}: {score === null ? '–' : Math.round(score)} {trend}
                    {version.analyzer !== null && <span className="muted"> ({Math.round(version.analyzer)})</span>}
                  </span>
                );
              })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
