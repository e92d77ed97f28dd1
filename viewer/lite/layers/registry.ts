import type { LayerDefinition, LayerKind } from '../../../layers/index.ts';
import { buildingsLayer } from './buildings.ts';
import { deliveredTilesetLayer } from './deliveredTileset.ts';
import { thematicLayer, vectorLayer } from './geojson.ts';
import { imageryLayer } from './imagery.ts';
import { terrainLayer } from './terrain.ts';
import type { LiteLayerFactory } from './types.ts';

/**
 * The kinds the lite viewer draws in 3D, one factory each (delivered tilesets placed as the full viewer places them). Incidents and monitoring points come
 * as live markers instead (see useLiveMarkers); imagery, vector and thematic layers are draped on
 * the terrain.
 */
const factories: Partial<{ [K in LayerKind]: LiteLayerFactory<Extract<LayerDefinition, { kind: K }>> }> = {
  terrain: terrainLayer,
  buildings: buildingsLayer,
  tileset: deliveredTilesetLayer,
  imagery: imageryLayer,
  vector: vectorLayer,
  thematic: thematicLayer,
};

export function liteLayerFor(layer: LayerDefinition): LiteLayerFactory | undefined {
  return factories[layer.kind] as LiteLayerFactory | undefined;
}
