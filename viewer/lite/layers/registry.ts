import type { LayerDefinition, LayerKind } from '../../../layers/index.ts';
import { buildingsLayer } from './buildings.ts';
import { imageryLayer } from './imagery.ts';
import { terrainLayer } from './terrain.ts';
import type { LiteLayerFactory } from './types.ts';

/**
 * The kinds the lite viewer draws in 3D, one factory each. Incidents and monitoring points come
 * as live markers instead (see useLiveMarkers); imagery is draped on the terrain; vector layers stay
 * with the full viewer.
 */
const factories: Partial<{ [K in LayerKind]: LiteLayerFactory<Extract<LayerDefinition, { kind: K }>> }> = {
  terrain: terrainLayer,
  buildings: buildingsLayer,
  imagery: imageryLayer,
};

export function liteLayerFor(layer: LayerDefinition): LiteLayerFactory | undefined {
  return factories[layer.kind] as LiteLayerFactory | undefined;
}
