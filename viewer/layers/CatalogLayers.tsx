import type { Catalog } from '../../layers/index.ts';
import { rendererFor } from './registry.ts';
import type { LayerStatus } from './types.ts';

/** Every layer of the catalog drawn by its kind's renderer, shown while its id is in `visible`. */
export function CatalogLayers({ catalog, visible, onStatus }: { catalog: Catalog; visible: ReadonlySet<string>; onStatus: (layerId: string, status: LayerStatus) => void }) {
  return catalog.layers.map((layer) => {
    const Renderer = rendererFor(layer.kind);
    return Renderer ? <Renderer key={layer.id} layer={layer} visible={visible.has(layer.id)} onStatus={onStatus} /> : null;
  });
}
