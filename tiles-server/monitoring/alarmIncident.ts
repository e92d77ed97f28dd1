import type { MonitoringPoint, NewIncident, Reading } from '../store/twinStore.ts';

/** The incident a monitoring alarm raises: bound to what the point is bound to, reported at the reading's time. */
export function alarmIncident(point: MonitoringPoint, reading: Reading): NewIncident {
  return {
    type: '监测告警',
    title: `${point.name}超过告警值：${reading.value}${point.unit}（告警值 ${point.thresholds?.alarm}${point.unit}）`,
    lon: point.lon,
    lat: point.lat,
    township: point.township,
    binding: point.binding,
    source: `monitoring:${point.id}`,
    reportedAt: reading.at,
  };
}
