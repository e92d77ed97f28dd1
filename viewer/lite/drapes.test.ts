import type { ImageOverlay, ImageOverlayPlugin } from '3d-tiles-renderer/three/plugins';
import { describe, expect, it } from 'vitest';
import { LAYER_CAPABILITIES } from '../../layers/index.ts';
import { Drapes } from './drapes.ts';

/** A terrain's overlay plugin that lists its overlays in drawing order, as the library sorts them. */
function terrainPlugin() {
  const added: { overlay: string; order: number }[] = [];
  const plugin = {
    addOverlay: (overlay: ImageOverlay, order: number) => added.push({ overlay: overlay as unknown as string, order }),
    deleteOverlay: (overlay: ImageOverlay) => added.splice(added.findIndex((entry) => entry.overlay === (overlay as unknown as string)), 1),
  };
  const drawn = () => [...added].sort((a, b) => a.order - b.order).map((entry) => entry.overlay);
  return { plugin: plugin as unknown as ImageOverlayPlugin, drawn };
}

const overlay = (name: string) => name as unknown as ImageOverlay;

describe('drapes', () => {
  it('lays base maps under classes and classes under lines, whatever order the layers come in', () => {
    const drapes = new Drapes();
    const early = terrainPlugin();
    drapes.attach(early.plugin);
    drapes.add(overlay('county outline'), LAYER_CAPABILITIES.vector.drapeOrder);
    drapes.add(overlay('land use'), LAYER_CAPABILITIES.thematic.drapeOrder);
    const removeBaseMap = drapes.add(overlay('base map'), LAYER_CAPABILITIES.imagery.drapeOrder);
    expect(early.drawn()).toEqual(['base map', 'land use', 'county outline']);

    // A terrain that comes later gets every overlay, in the same order.
    const late = terrainPlugin();
    drapes.attach(late.plugin);
    expect(late.drawn()).toEqual(['base map', 'land use', 'county outline']);

    removeBaseMap();
    expect(early.drawn()).toEqual(['land use', 'county outline']);
  });
});
