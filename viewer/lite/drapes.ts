import type { ImageOverlay, ImageOverlayPlugin } from '3d-tiles-renderer/three/plugins';

/**
 * Layers draped on the terrain: the draped kinds (LAYER_CAPABILITIES) add their overlay here, terrain tilesets their
 * overlay plugin, in whichever order the layers come, and each overlay reaches every terrain.
 */
export class Drapes {
  /** Each overlay with its kind's drape order (LAYER_CAPABILITIES), whatever the catalog's order. */
  private readonly overlays = new Map<ImageOverlay, number>();
  private readonly targets = new Set<ImageOverlayPlugin>();

  get size(): number {
    return this.overlays.size;
  }

  /** Drapes an overlay on every terrain, now and later; the function returned takes it off. */
  add(overlay: ImageOverlay, order: number): () => void {
    this.overlays.set(overlay, order);
    for (const target of this.targets) target.addOverlay(overlay, order);
    return () => {
      this.overlays.delete(overlay);
      for (const target of this.targets) target.deleteOverlay(overlay);
    };
  }

  /** A terrain's overlay plugin takes every overlay there is and every one added later. */
  attach(target: ImageOverlayPlugin): () => void {
    this.targets.add(target);
    for (const [overlay, order] of this.overlays) target.addOverlay(overlay, order);
    return () => void this.targets.delete(target);
  }
}
