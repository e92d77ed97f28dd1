import { groundMarker } from '../../globe/groundMarker.ts';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import { Cartesian3, Color, ConstantPositionProperty, type CustomDataSource, NearFarScalar, PointGraphics, PropertyBag } from 'cesium';
import type { Incident, IncidentsLayerDefinition } from '../../../layers/index.ts';
import { useIncidentFeedContext } from '../../incidents/context.tsx';
import { useSymbolScale } from '../../globe/symbolScale.tsx';
import { STATUS_COLORS } from '../../incidents/statusColors.ts';
import { useSelection } from '../../selection/index.tsx';
import type { LayerRendererProps } from '../types.ts';
import { useCustomDataSource } from '../useCustomDataSource.ts';
import { useIncidentHeat } from '../../incidents/heatContext.tsx';
import { useIncidentHeatLayer } from './incidentHeat.ts';

const NO_INCIDENTS: readonly Incident[] = [];

/** Incidents as points on the ground, coloured by status, the selected one larger, with their hot spots as heat when asked; live from the incident feed. */
export function useIncidentsLayer({ layer, visible, onStatus }: LayerRendererProps<IncidentsLayerDefinition>) {
  const feed = useIncidentFeedContext();
  const { selected } = useSelection();
  const source = useCustomDataSource(layer.id);
  const symbolScale = useSymbolScale();
  const { viewer } = useCesium();
  const { heat } = useIncidentHeat();
  useIncidentHeatLayer(viewer, feed?.incidents ?? NO_INCIDENTS, heat && visible);

  useEffect(() => {
    if (!source || !feed) return;
    const seen = new Set<string>();
    for (const incident of feed.incidents) {
      seen.add(incident.id);
      drawIncident(source, incident, selected?.incidentId === incident.id, symbolScale);
    }
    for (const entity of [...source.entities.values]) if (!seen.has(entity.id)) source.entities.remove(entity);
    if (feed.error) onStatus(layer.id, 'error');
    else if (feed.incidents.length > 0 || feed.stream === 'live') onStatus(layer.id, 'ready');
  }, [source, feed, selected, symbolScale, layer.id, onStatus]);

  useEffect(() => {
    if (source) source.show = visible;
  }, [source, visible]);
}

function drawIncident(source: CustomDataSource, incident: Incident, isSelected: boolean, symbolScale: number): void {
  const entity = source.entities.getOrCreateEntity(incident.id);
  entity.position = new ConstantPositionProperty(Cartesian3.fromDegrees(incident.lon, incident.lat));
  entity.point = new PointGraphics({
    pixelSize: (isSelected ? 18 : 11) * symbolScale,
    color: Color.fromCssColorString(STATUS_COLORS[incident.status]),
    outlineColor: Color.WHITE,
    outlineWidth: 2 * symbolScale,
    ...groundMarker(),
    scaleByDistance: new NearFarScalar(2_000, 1.2, 60_000, 0.6),
  });
  // The incident's bound object is what the object panel looks up.
  entity.properties = new PropertyBag({ oid: incident.binding.oid ?? incident.id, name: incident.title, type: incident.type, status: incident.status });
}
