import type { Analysis } from '../../layers/index.ts';
import type { MessageKey, MessageParams } from '../i18n/messages.ts';
import { formatArea, formatLength } from '../measure/measurement.ts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

/** What an analysis found, in a line or two for its panel. */
export function analysisHeadline(analysis: Analysis, t: Translate): string[] {
  switch (analysis.kind) {
    case 'flood': {
      const { floodedArea, volume, maxDepth, waterLevel, buildings, monitoringPoints } = analysis.result;
      return [
        t('analysisFloodResult', { area: formatArea(floodedArea), volume: thousands(volume), depth: maxDepth.toFixed(1), level: waterLevel.toFixed(1) }),
        t('analysisFloodBuildings', { count: buildings.length, points: monitoringPoints.length }),
      ];
    }
    case 'line-of-sight': {
      const { visible, distance, obstruction } = analysis.result;
      if (visible || !obstruction) return [t('analysisVisible', { distance: formatLength(distance) })];
      const at = formatLength(obstruction.distance);
      return [obstruction.by === 'terrain' ? t('analysisBlockedByTerrain', { distance: at }) : t('analysisBlockedByBuilding', { distance: at, oid: obstruction.by.oid })];
    }
    case 'viewshed': {
      const { visibleArea, fraction } = analysis.result;
      return [t('analysisViewshedResult', { visible: formatArea(visibleArea), percent: (fraction * 100).toFixed(1), radius: analysis.params.radius })];
    }
    case 'profile': {
      const heights = analysis.result.points.map((point) => point.height);
      const count = new Set(analysis.result.buildings.map((building) => building.oid)).size;
      return [t('analysisProfileResult', { length: formatLength(analysis.result.length), lowest: Math.min(...heights).toFixed(1), highest: Math.max(...heights).toFixed(1), count })];
    }
    case 'height-limit': {
      const { checked, exceeding, limit } = analysis.result;
      return [t('analysisHeightLimitResult', { checked, count: exceeding.length, limit })];
    }
    case 'excavation': {
      const { area, cutVolume, fillVolume, floorLevel } = analysis.result;
      return [t('analysisExcavationResult', { area: formatArea(area), cut: thousands(cutVolume), fill: thousands(fillVolume), floor: floorLevel.toFixed(1) })];
    }
  }
}
