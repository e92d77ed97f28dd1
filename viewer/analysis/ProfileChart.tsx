import type { ProfileResult } from '../../layers/index.ts';
import { useI18n } from '../i18n/index.tsx';

const WIDTH = 560;
const HEIGHT = 170;
const MARGIN = { left: 44, right: 8, top: 8, bottom: 22 };

/** The ground along a profile line as a filled curve, with the buildings it passes through standing on it. */
export function ProfileChart({ result }: { result: ProfileResult }) {
  const { t } = useI18n();
  const { points, buildings, length } = result;
  const heights = [...points.map((point) => point.height), ...buildings.map((building) => building.top)];
  const [low, high] = [Math.min(...heights), Math.max(...heights)];
  const span = Math.max(high - low, 1);
  const x = (distance: number) => MARGIN.left + (distance / length) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (height: number) => HEIGHT - MARGIN.bottom - ((height - low) / span) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const ground = points.map((point) => `${x(point.distance).toFixed(1)},${y(point.height).toFixed(1)}`).join(' ');
  const floor = HEIGHT - MARGIN.bottom;
  return (
    <svg className="profile-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('analysisProfile')} data-points={points.length}>
      <polygon className="profile-ground" points={`${x(0)},${floor} ${ground} ${x(length)},${floor}`} />
      <polyline className="profile-line" points={ground} />
      {buildings.map((building) => (
        <rect
          key={`${building.oid}-${building.from}`}
          className="profile-building"
          data-oid={building.oid}
          x={x(building.from)}
          width={Math.max(x(building.to) - x(building.from), 1)}
          y={y(building.top)}
          height={Math.max(y(building.base) - y(building.top), 1)}
        />
      ))}
      <text x={MARGIN.left - 4} y={y(high) + 4} textAnchor="end">
        {high.toFixed(0)}
      </text>
      <text x={MARGIN.left - 4} y={y(low)} textAnchor="end">
        {low.toFixed(0)}
      </text>
      <text x={WIDTH - MARGIN.right} y={HEIGHT - 6} textAnchor="end">
        {`${t('analysisDistance')} ${length.toFixed(0)}`}
      </text>
      <text x={MARGIN.left} y={HEIGHT - 6}>
        0
      </text>
    </svg>
  );
}
