import { useId } from 'react';
import { formatAxisValue, labelEvery, niceTicks, scaleLinear } from '../../../lib/chart-scale';
import type { TSeries } from '../plan-series';

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 14, right: 30, bottom: 34, left: 52 };
const MAX_X_LABELS = 10;
/** Distinct at a glance and for the common colour blindnesses (Okabe-Ito, darkened for white). */
export const SERIES_COLOURS = [
  '#0b6fb8',
  '#d55e00',
  '#008a66',
  '#b3387a',
  '#6b4fbb',
  '#a07800',
  '#3a8fc1',
  '#5c6470',
] as const;

export type TChartLine = TSeries & { label: string; colour?: string; isDashed?: boolean };

type TLineChartProps = {
  title: string;
  /** What the chart shows, read out by screen readers (the tables next to it hold the numbers). */
  description: string;
  periods: readonly string[];
  lines: readonly TChartLine[];
  /** A horizontal line to compare with (100% load, zero stock). */
  reference?: { value: number; label: string };
  unit?: string;
};

/** A small line chart in inline SVG: periods across, one line per series, a legend below. */
export function LineChart({ title, description, periods, lines, reference, unit = '' }: TLineChartProps) {
  const titleId = useId();
  const descId = useId();
  const values = lines.flatMap((line) => line.values.filter((value): value is number => value !== null));
  const min = Math.min(0, ...values, reference?.value ?? 0);
  const max = Math.max(...values, reference?.value ?? 0, 0);
  const ticks = niceTicks(min, max);
  const yMin = ticks[0] ?? 0;
  const yMax = ticks.at(-1) ?? 1;
  const plotRight = WIDTH - MARGIN.right;
  const plotBottom = HEIGHT - MARGIN.bottom;
  const x = (index: number) =>
    periods.length <= 1
      ? (MARGIN.left + plotRight) / 2
      : scaleLinear(index, 0, periods.length - 1, MARGIN.left + 20, plotRight - 12);
  const y = (value: number) => scaleLinear(value, yMin, yMax, plotBottom, MARGIN.top);
  const every = labelEvery(periods.length, MAX_X_LABELS);

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="chart-svg"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={plotRight}
              y1={y(tick)}
              y2={y(tick)}
              className={tick === 0 ? 'chart-axis' : 'chart-gridline'}
            />
            <text
              x={MARGIN.left - 6}
              y={y(tick)}
              className="chart-tick"
              textAnchor="end"
              dominantBaseline="middle"
            >
              {formatAxisValue(tick)}
              {unit}
            </text>
          </g>
        ))}
        {reference ? (
          <g>
            <line
              x1={MARGIN.left}
              x2={plotRight}
              y1={y(reference.value)}
              y2={y(reference.value)}
              className="chart-reference"
            />
            <text x={plotRight} y={y(reference.value) - 4} className="chart-reference-label" textAnchor="end">
              {reference.label}
            </text>
          </g>
        ) : null}
        {periods.map((period, index) =>
          index % every === 0 || index === periods.length - 1 ? (
            <text key={period} x={x(index)} y={plotBottom + 18} className="chart-tick" textAnchor="middle">
              {period}
            </text>
          ) : null,
        )}
        {lines.map((line, lineIndex) => {
          const colour = line.colour ?? SERIES_COLOURS[lineIndex % SERIES_COLOURS.length];
          const segments = toSegments(line.values);
          return (
            <g key={line.name}>
              {segments.map((segment) => (
                <polyline
                  key={segment[0]}
                  points={segment.map((index) => `${x(index)},${y(line.values[index] ?? 0)}`).join(' ')}
                  fill="none"
                  stroke={colour}
                  strokeWidth={2}
                  strokeDasharray={line.isDashed ? '5 4' : undefined}
                />
              ))}
              {line.isDashed
                ? null
                : line.values.map((value, index) =>
                    value === null ? null : (
                      <circle key={index} cx={x(index)} cy={y(value)} r={3} fill={colour}>
                        <title>{`${line.label} · ${periods[index]}: ${formatAxisValue(value)}${unit}`}</title>
                      </circle>
                    ),
                  )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {lines.map((line, lineIndex) => (
            <li key={line.name}>
              <span
                className={`chart-swatch${line.isDashed ? ' chart-swatch--dashed' : ''}`}
                style={{ borderColor: line.colour ?? SERIES_COLOURS[lineIndex % SERIES_COLOURS.length] }}
                aria-hidden="true"
              />
              {line.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** Indexes of consecutive non-empty values: a period without a value breaks the line. */
function toSegments(values: readonly (number | null)[]): number[][] {
  const segments: number[][] = [];
  let current: number[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push(index);
  });
  if (current.length > 0) segments.push(current);
  return segments;
}
