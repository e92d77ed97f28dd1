import type { Incident, MonitoringPoint } from '../../layers/index.ts';
import { ALARM_COLOR, STATUS_COLORS } from '../incidents/statusColors.ts';
import type { Marker } from './markers.ts';

/**
 * What the lite viewer marks live: every incident not yet closed, in its status colour, and
 * every monitoring point in alarm.
 */
export function liveMarkers(incidents: readonly Incident[], points: readonly MonitoringPoint[]): Omit<Marker, 'height'>[] {
  return [
    ...incidents
      .filter((incident) => incident.status !== '办结')
      .map(({ id, lon, lat, status }) => ({ id: `incident:${id}`, lon, lat, color: STATUS_COLORS[status] })),
    ...points.filter((point) => point.alarm).map(({ id, lon, lat }) => ({ id: `alarm:${id}`, lon, lat, color: ALARM_COLOR })),
  ];
}
