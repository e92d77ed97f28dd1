import type { ImageOverlay, ImageOverlayPlugin } from '3d-tiles-renderer/three/plugins';

/**
 * Imagery draped on the terrain: image layers add their overlay here, terrain tilesets their
 * overlay plugin, in whichever order the layers come, and each overlay reaches every terrain.
 */
export class Drapes {
  private readonly overlays = new Set<ImageOverlay>();
  private readonly targets = new Set<ImageOverlayPlugin>();

  get size(): number {
    return this.overlays.size;
  }

  /** Drapes an overlay on every terrain, now and later; the function returned takes it off. */
  add(overlay: ImageOverlay): () => void {
    this.overlays.add(overlay);
    for (const target of this.targets) target.addOverlay(overlay);
    return () => {
      this.overlays.delete(overlay);
      for (const target of this.targets) target.deleteOverlay(overlay);
    };
  }

  /** A terrain's overlay plugin takes every overlay there is and every one added later. */
  attach(target: ImageOverlayPlugin): () => void {
    this.targets.add(target);
    for (const overlay of this.overlays) target.addOverlay(overlay);
    return () => void this.targets.delete(target);
  }
}
