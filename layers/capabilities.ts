import type { LayerDefinition, LayerKind } from './schema.ts';

/** What a kind of layer does, for the server and both viewers to ask instead of listing kinds. */
interface LayerCapabilities {
  /** Its source URL points into a folder of tiles (a tileset, a URL template), which the server publishes whole; else only that file. */
  tiled: boolean;
  /** Served as an OGC API – Features collection, from its GeoJSON source. */
  features: boolean;
  /** Drawn as imagery on the terrain, so it can be shown on one side of the swipe against another. */
  comparable: boolean;
  /** Its place among the overlays the lite viewer drapes on the terrain, higher over lower (base maps, then classes, then lines and places); null when not draped. */
  drapeOrder: number | null;
  /** Its features fall into the classes of `classify`, each with its colour and name in the layer's own legend. */
  classed: boolean;
  /** Its features are records of the data API, which the lite viewer shows as live markers rather than drawing the layer. */
  records: boolean;
  /** It shows the objects a query result highlights itself (buildings colour theirs), so they are not outlined on the ground as well. */
  highlightsOwnObjects: boolean;
}

/**
 * Every kind's capabilities. A kind added to the schema does not compile until its row here
 * says what it does, so none is left to a default (a tiled kind would answer 404 for its tiles).
 */
export const LAYER_CAPABILITIES = {
  terrain: { tiled: true, features: false, comparable: false, drapeOrder: null, classed: false, records: false, highlightsOwnObjects: false },
  buildings: { tiled: true, features: false, comparable: false, drapeOrder: null, classed: false, records: false, highlightsOwnObjects: true },
  tileset: { tiled: true, features: false, comparable: false, drapeOrder: null, classed: false, records: false, highlightsOwnObjects: false },
  imagery: { tiled: true, features: false, comparable: true, drapeOrder: 0, classed: false, records: false, highlightsOwnObjects: false },
  vector: { tiled: false, features: true, comparable: false, drapeOrder: 2, classed: false, records: false, highlightsOwnObjects: false },
  thematic: { tiled: false, features: true, comparable: true, drapeOrder: 1, classed: true, records: false, highlightsOwnObjects: false },
  'monitoring-points': { tiled: false, features: false, comparable: false, drapeOrder: null, classed: false, records: true, highlightsOwnObjects: false },
  incidents: { tiled: false, features: false, comparable: false, drapeOrder: null, classed: false, records: true, highlightsOwnObjects: false },
} as const satisfies { [K in LayerKind]: LayerCapabilities };

/** The capabilities a kind has or lacks (all but drapeOrder). */
type LayerFlag = { [C in keyof LayerCapabilities]: LayerCapabilities[C] extends boolean ? C : never }[keyof LayerCapabilities];

/** The layers of the kinds that have `flag`, so that code past a check reads their kind's fields. */
export type LayerWith<F extends LayerFlag> = Extract<LayerDefinition, { kind: { [K in LayerKind]: (typeof LAYER_CAPABILITIES)[K][F] extends true ? K : never }[LayerKind] }>;

/** Whether the layer's kind has `flag`; past it, the layer is one of those kinds. */
export function hasCapability<F extends LayerFlag>(layer: LayerDefinition, flag: F): layer is LayerWith<F> {
  return LAYER_CAPABILITIES[layer.kind][flag];
}
