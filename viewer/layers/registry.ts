import type { ComponentType } from 'react';
import type { LayerDefinition, LayerKind } from '../../layers/index.ts';
import type { LayerRendererProps } from './types.ts';
import { BuildingsLayerView } from './buildings/index.tsx';
import { ImageryLayerView } from './imagery/index.tsx';
import { IncidentsLayerView } from './incidents/index.tsx';
import { MonitoringPointsLayerView } from './monitoring-points/index.tsx';
import { TerrainLayerView } from './terrain/index.tsx';
import { ThematicLayerView } from './thematic/index.tsx';
import { TilesetLayerView } from './tileset/index.tsx';
import { VectorLayerView } from './vector/index.tsx';

type RendererFor<K extends LayerKind> = ComponentType<LayerRendererProps<Extract<LayerDefinition, { kind: K }>>>;

/**
 * One renderer per layer kind. Adding a kind means adding its folder and one line here; a kind
 * without a renderer is listed in the layer tree as not yet supported.
 */
const renderers: { [K in LayerKind]?: RendererFor<K> } = {
  buildings: BuildingsLayerView,
  imagery: ImageryLayerView,
  incidents: IncidentsLayerView,
  'monitoring-points': MonitoringPointsLayerView,
  terrain: TerrainLayerView,
  thematic: ThematicLayerView,
  tileset: TilesetLayerView,
  vector: VectorLayerView,
};

export function rendererFor(kind: LayerKind): ComponentType<LayerRendererProps> | undefined {
  return renderers[kind] as ComponentType<LayerRendererProps> | undefined;
}
