import type { AnalysisRequest, AnalysisResults, DataVersion, MonitoringPoint } from '../../layers/index.ts';
import type { Buildings, Terrain } from './analysisData.ts';
import { digest } from './analysisData.ts';
import { excavation } from './excavation.ts';
import { flood } from './flood.ts';
import { heightLimit } from './heightLimit.ts';
import { lineOfSight } from './lineOfSight.ts';
import { profile } from './profile.ts';
import { viewshed } from './viewshed.ts';

/** What an analysis may read: the caller's terrain and buildings, and the monitoring points when the caller may read them. */
export interface AnalysisInputs {
  terrain: Terrain | undefined;
  buildings: Buildings;
  monitoring: { layerId: string; points: MonitoringPoint[] } | undefined;
}

export interface Computed<K extends AnalysisRequest['kind'] = AnalysisRequest['kind']> {
  result: AnalysisResults[K];
  dataVersion: DataVersion;
  /** Its headline figures, for lists. */
  summary: Record<string, number | boolean>;
}

/** Thrown when an analysis needs the terrain and the twin has none with an elevation grid the caller may read. */
export class NoTerrain extends Error {}

/** Runs one analysis on its inputs; the result names the versions of the layers it read. */
export function runAnalysis(request: AnalysisRequest, inputs: AnalysisInputs): Computed {
  const { terrain, buildings } = inputs;
  const needTerrain = () => {
    if (!terrain) throw new NoTerrain('This analysis needs a terrain layer with an elevation grid, and the twin has none you may read');
    return terrain;
  };
  // What a terrain analysis read: the terrain, the buildings, and what else it names.
  const read = (...layers: DataVersion) => [{ layerId: terrain!.layerId, version: terrain!.version }, ...buildings.versions, ...layers];
  switch (request.kind) {
    case 'flood': {
      const points = inputs.monitoring?.points ?? [];
      const result = flood(needTerrain().grid, request.params, buildings.volumes, points);
      const monitoring = inputs.monitoring ? [{ layerId: inputs.monitoring.layerId, version: digest(JSON.stringify(points.map(({ id, lon, lat }) => [id, lon, lat]))) }] : [];
      return {
        result,
        dataVersion: read(...monitoring),
        summary: { floodedArea: result.floodedArea, volume: result.volume, maxDepth: result.maxDepth, waterLevel: result.waterLevel, buildings: result.buildings.length },
      };
    }
    case 'line-of-sight': {
      const result = lineOfSight(needTerrain().grid, request.params, buildings.volumes);
      return { result, dataVersion: read(), summary: { visible: result.visible, distance: result.distance } };
    }
    case 'viewshed': {
      const result = viewshed(needTerrain().grid, request.params, buildings.volumes);
      return { result, dataVersion: read(), summary: { fraction: result.fraction, visibleArea: result.visibleArea, radius: request.params.radius } };
    }
    case 'profile': {
      const result = profile(needTerrain().grid, request.params, buildings.volumes);
      const heights = result.points.map((point) => point.height);
      return { result, dataVersion: read(), summary: { length: result.length, lowest: Math.min(...heights), highest: Math.max(...heights) } };
    }
    case 'excavation': {
      const result = excavation(needTerrain().grid, request.params);
      return { result, dataVersion: [{ layerId: terrain!.layerId, version: terrain!.version }], summary: { cutVolume: result.cutVolume, fillVolume: result.fillVolume, area: result.area } };
    }
    case 'height-limit': {
      const groundTerrain = request.params.reference === 'ground' ? terrain : undefined;
      const result = heightLimit(groundTerrain?.grid, request.params, buildings.volumes);
      const version = groundTerrain ? [{ layerId: groundTerrain.layerId, version: groundTerrain.version }] : [];
      return { result, dataVersion: [...version, ...buildings.versions], summary: { limit: result.limit, checked: result.checked, exceeding: result.exceeding.length } };
    }
  }
}
