import { GeoJSONOverlay } from '3d-tiles-renderer/three/plugins';
import { LAYER_CAPABILITIES, type ThematicLayerDefinition, type VectorLayerDefinition } from '../../../layers/index.ts';
import type { LiteLayerFactory } from './types.ts';

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

interface FeatureStyle {
  fill: string;
  stroke: string;
  strokeWidth: number;
  radius: number;
}

/** The overlay's options with the per-feature style its source documents but its typings leave out. */
type OverlayOptions = ConstructorParameters<typeof GeoJSONOverlay>[0] & {
  getStyle(feature: { geometry?: { type: string } | null }, properties: Record<string, unknown>): FeatureStyle;
};

const overlayOf = (options: OverlayOptions) => new GeoJSONOverlay(options);

/**
 * Boundaries, roads, rivers and places, drawn into the terrain's imagery by the tile library's
 * GeoJSON overlay: points as dots of the layer's colour. Labels stay with the full viewer.
 */
export const vectorLayer: LiteLayerFactory<VectorLayerDefinition> = (layer, scene) => {
  const { style } = layer;
  const line: FeatureStyle = { fill: style.fill ?? TRANSPARENT, stroke: style.stroke ?? '#ffffff', strokeWidth: style.strokeWidth ?? 2, radius: 0 };
  const dot: FeatureStyle = { fill: style.pointColor ?? '#e53935', stroke: '#ffffff', strokeWidth: 2, radius: (style.pointSize ?? 8) / 2 };
  const overlay = overlayOf({ url: layer.source.url, getStyle: (feature) => (feature.geometry?.type.endsWith('Point') ? dot : line) });
  return { dispose: scene.drapes.add(overlay, LAYER_CAPABILITIES[layer.kind].drapeOrder) };
};

/** Land use and planning zones: each polygon in its class's colour, as the full viewer draws them. */
export const thematicLayer: LiteLayerFactory<ThematicLayerDefinition> = (layer, scene) => {
  const { field, classes } = layer.classify;
  const stroke = layer.style.outline ?? TRANSPARENT;
  const styles = new Map(classes.map((cls) => [cls.value, { fill: cls.color, stroke, strokeWidth: 1, radius: 0 }]));
  const unclassed: FeatureStyle = { fill: TRANSPARENT, stroke: TRANSPARENT, strokeWidth: 0, radius: 0 };
  const overlay = overlayOf({
    url: layer.source.url,
    opacity: layer.style.opacity,
    getStyle: (_feature, properties) => styles.get(String(properties[field] ?? '')) ?? unclassed,
  });
  return { dispose: scene.drapes.add(overlay, LAYER_CAPABILITIES[layer.kind].drapeOrder) };
};
