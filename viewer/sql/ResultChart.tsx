import { useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import type { QueryResult } from './hooks.ts';
import { chartSeries, pieSlices } from './resultChart.ts';

const WIDTH = 420;
const HEIGHT = 150;
const PALETTE = ['#4fc3f7', '#ffb74d', '#81c784', '#e57373', '#ba68c8', '#fff176', '#4db6ac', '#f06292'];

type Kind = 'bar' | 'line' | 'pie';

/** The result drawn as a bar, line or pie chart (SVG), from its first label and value columns. */
export function ResultChart({ result }: { result: QueryResult }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('bar');
  const series = chartSeries(result);
  if (!series) return null;
  const max = Math.max(...series.points.map((p) => p.value), 0) || 1;
  const step = WIDTH / series.points.length;
  const y = (value: number) => HEIGHT - 18 - (Math.max(0, value) / max) * (HEIGHT - 30);
  return (
    <figure className="result-chart" data-kind={kind}>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons, not a form's fieldset */}
      <div className="chart-kinds" role="group" aria-label={t('chart')}>
        {(['bar', 'line', 'pie'] as const).map((k) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(`chart.${k}`)}
          </button>
        ))}
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={`${series.valueColumn} / ${series.labelColumn}`}>
        {kind === 'bar' &&
          series.points.map((point, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a chart drawn afresh from the result: a point's place is its identity
            <g key={i}>
              <rect x={i * step + 2} y={y(point.value)} width={step - 4} height={HEIGHT - 18 - y(point.value)} fill={PALETTE[0]}>
                <title>{`${point.label}: ${point.value}`}</title>
              </rect>
              <text x={i * step + step / 2} y={HEIGHT - 4} textAnchor="middle" fontSize="10" fill="#9fb3c4">
                {point.label.slice(0, 6)}
              </text>
            </g>
          ))}
        {kind === 'line' && (
          <polyline fill="none" stroke={PALETTE[0]} strokeWidth="2" points={series.points.map((p, i) => `${i * step + step / 2},${y(p.value)}`).join(' ')} />
        )}
        {kind === 'pie' &&
          pieSlices(series.points.map((p) => p.value)).map(({ start, end }, i) => {
            const [cx, cy, r] = [HEIGHT / 2, HEIGHT / 2, HEIGHT / 2 - 6];
            const at = (angle: number) => `${cx + r * Math.sin(angle)},${cy - r * Math.cos(angle)}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a chart drawn afresh from the result: a point's place is its identity
              <path key={i} d={`M${cx},${cy} L${at(start)} A${r},${r} 0 ${end - start > Math.PI ? 1 : 0} 1 ${at(end)} Z`} fill={PALETTE[i % PALETTE.length]}>
                <title>{`${series.points[i]!.label}: ${series.points[i]!.value}`}</title>
              </path>
            );
          })}
        {kind === 'pie' &&
          series.points.slice(0, 8).map((point, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a chart drawn afresh from the result: a point's place is its identity
            <text key={i} x={HEIGHT + 10} y={20 + i * 18} fontSize="12" fill={PALETTE[i % PALETTE.length]}>
              {`${point.label} ${point.value}`}
            </text>
          ))}
      </svg>
    </figure>
  );
}
