import { groundMarker } from '../../globe/groundMarker.ts';
import { useEffect, useState } from 'react';
import { Cartesian3, Color, ConstantPositionProperty, type CustomDataSource, NearFarScalar, PointGraphics, PropertyBag } from 'cesium';
import type { MonitoringPoint, MonitoringPointsLayerDefinition } from '../../../layers/index.ts';
import { fetchMonitoringPoints } from '../../api/client.ts';
import { useSymbolScale } from '../../globe/symbolScale.tsx';
import { useIncidentFeedContext } from '../../incidents/context.tsx';
import { ALARM_COLOR } from '../../incidents/statusColors.ts';
import type { LayerRendererProps } from '../types.ts';
import { useCustomDataSource } from '../useCustomDataSource.ts';
import { useRequested } from '../useRequested.ts';

const KIND_COLORS: Record<string, string> = { 'water-level': '#1e88e5', rainfall: '#00acc1', 'air-quality': '#43a047', camera: '#5e35b1' };

/** Monitoring points and cameras as points coloured by kind; a point in alarm is red and larger. Reloaded on alarm events. */
export function useMonitoringPointsLayer({ layer, visible, onStatus }: LayerRendererProps<MonitoringPointsLayerDefinition>) {
  const feed = useIncidentFeedContext();
  const requested = useRequested(visible);
  const source = useCustomDataSource(layer.id, requested);
  const alarmChanges = feed?.alarmChanges ?? 0;
  const symbolScale = useSymbolScale();

  const [points, setPoints] = useState<MonitoringPoint[]>();

  useEffect(() => {
    if (!source) return;
    const abort = new AbortController();
    if (alarmChanges === 0) onStatus(layer.id, 'loading');
    fetchMonitoringPoints(abort.signal).then(
      (fetched) => {
        setPoints(fetched);
        onStatus(layer.id, 'ready');
      },
      () => !abort.signal.aborted && onStatus(layer.id, 'error'),
    );
    return () => abort.abort();
  }, [source, alarmChanges, layer.id, onStatus]);

  // Drawn apart from the fetch: a change of screen size redraws the points without asking for them again.
  useEffect(() => {
    if (!source || !points) return;
    source.entities.removeAll();
    for (const point of points) drawPoint(source, point, symbolScale);
  }, [source, points, symbolScale]);

  useEffect(() => {
    if (source) source.show = visible;
  }, [source, visible]);
}

function drawPoint(source: CustomDataSource, point: MonitoringPoint, symbolScale: number): void {
  source.entities.add({
    id: point.id,
    position: new ConstantPositionProperty(Cartesian3.fromDegrees(point.lon, point.lat)),
    point: new PointGraphics({
      pixelSize: (point.alarm ? 14 : 8) * symbolScale,
      color: Color.fromCssColorString(point.alarm ? ALARM_COLOR : (KIND_COLORS[point.kind] ?? '#757575')),
      outlineColor: Color.WHITE,
      outlineWidth: 1.5 * symbolScale,
      ...groundMarker(),
      scaleByDistance: new NearFarScalar(2_000, 1.2, 60_000, 0.5),
    }),
    properties: new PropertyBag({
      oid: point.id,
      name: point.name,
      type: point.kind,
      ...(point.latest ? { latest: `${point.latest.value} ${point.unit}` } : {}),
    }),
  });
}
