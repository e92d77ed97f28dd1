import { useEffect, useMemo, useState } from 'react';
import type { MonitoringPoint } from '../../layers/index.ts';
import { fetchMonitoringPoints } from '../api/client.ts';
import { useIncidentFeed } from '../incidents/hooks.ts';
import type { LiteScene } from './liteScene.ts';
import { liveMarkers } from './liveMarkers.ts';
import { PulsingMarkers } from './markers.ts';
import { surfaceHeight } from './surface.ts';

/**
 * Open incidents and monitoring alarms as pulsing markers, kept current by the server's event
 * stream. Markers sit on the highest loaded surface at their place (a roof, else the ground),
 * placed again whenever the tiles in view have finished loading.
 */
export function useLiveMarkers(view: LiteScene | undefined, loaded: boolean, show: { incidents: boolean; alarms: boolean }) {
  const following = show.incidents || show.alarms;
  const feed = useIncidentFeed(following);
  const [points, setPoints] = useState<MonitoringPoint[]>([]);
  const [markers] = useState(() => new PulsingMarkers());

  // biome-ignore lint/correctness/useExhaustiveDependencies: an alarm raised or cleared changes the points' state: fetch them again.
  useEffect(() => {
    if (!show.alarms) return setPoints([]);
    const abort = new AbortController();
    fetchMonitoringPoints(abort.signal).then(setPoints, () => undefined);
    return () => abort.abort();
  }, [show.alarms, feed.alarmChanges]);

  useEffect(() => {
    if (!view) return;
    view.scene.add(markers);
    const stop = view.onFrame((seconds) => markers.setTime(seconds));
    return () => {
      stop();
      view.scene.remove(markers);
    };
  }, [view, markers]);

  useEffect(() => () => markers.dispose(), [markers]);

  const live = useMemo(() => liveMarkers(show.incidents ? feed.incidents : [], points), [show.incidents, feed.incidents, points]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once the tiles are in, the ground's heights are known: place the markers on it again.
  useEffect(() => {
    if (view) markers.setMarkers(live.map((marker) => ({ ...marker, height: surfaceHeight(view, marker.lon, marker.lat) ?? 0 })));
  }, [view, markers, live, loaded]);

  return { count: live.length, stream: feed.stream, following };
}
