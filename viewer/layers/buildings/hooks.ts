import { useEffect } from 'react';
import { Cartesian3, type Cesium3DTileFeature, Cesium3DTileStyle, Cesium3DTileset, Color, ImageBasedLighting } from 'cesium';
import { type BuildingsLayerDefinition, buildingColor } from '../../../layers/index.ts';
import type { LayerRendererProps } from '../types.ts';
import { useTilesetPrimitive } from '../useTilesetPrimitive.ts';
import { useHighlight } from '../../highlight/index.tsx';
import { useSelection } from '../../selection/index.tsx';

/** Streams the layer's 3D Tiles from the twin server once it is first shown, each building styled. */
export function useBuildingsLayer(props: LayerRendererProps<BuildingsLayerDefinition>) {
  const tileset = useTilesetPrimitive(props, loadBuildings);

  // Each building in its use's colour, paler the taller; the selected one stands out in a warning
  // colour, and buildings highlighted by a query in yellow (or the highlight's own colour).
  const selectedOid = useSelection().selected?.oid;
  const { oids: highlighted, color } = useHighlight().highlight;
  useEffect(() => {
    if (!tileset) return;
    const highlightColour = color ? Color.fromCssColorString(color) : HIGHLIGHTED;
    tileset.style = buildingStyle(selectedOid ?? undefined, highlighted, highlightColour);
  }, [tileset, selectedOid, highlighted, color]);
}

const loadBuildings = (layer: BuildingsLayerDefinition) => Cesium3DTileset.fromUrl(layer.source.url, { imageBasedLighting: softDaylight() });

const SELECTED = Color.fromCssColorString('#ff3d00');
const HIGHLIGHTED = Color.fromCssColorString('#ffeb3b');

/** Colours by their CSS string: a county's buildings share a few dozen. */
const useColours = new Map<string, Color>();

/** A style that looks each building's oid up in a set: any number of oids costs one lookup per feature. */
function buildingStyle(selected: string | undefined, highlighted: ReadonlySet<string>, highlightColour: Color): Cesium3DTileStyle {
  const style = new Cesium3DTileStyle();
  style.color = {
    evaluateColor: (feature: Cesium3DTileFeature, result?: Color) => {
      const oid = feature.getProperty('oid') as string;
      if (oid === selected) return Color.clone(SELECTED, result);
      if (highlighted.has(oid)) return Color.clone(highlightColour, result);
      const css = buildingColor(feature.getProperty('use') as string | undefined, Number(feature.getProperty('height')) || 0);
      let colour = useColours.get(css);
      if (!colour) useColours.set(css, (colour = Color.fromCssColorString(css)));
      return Color.clone(colour, result);
    },
  } as never;
  return style;
}

/**
 * Even, slightly blue ambient light (a clear sky's), so walls facing away from the light read
 * as shaded rather than black.
 */
function softDaylight(): ImageBasedLighting {
  const coefficients = Array.from({ length: 9 }, () => new Cartesian3());
  coefficients[0] = new Cartesian3(0.56, 0.58, 0.64);
  const lighting = new ImageBasedLighting();
  lighting.sphericalHarmonicCoefficients = coefficients;
  return lighting;
}
