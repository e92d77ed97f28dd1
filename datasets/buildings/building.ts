import type { BuildingAttributes } from './attributes.ts';
import type { Footprint } from './footprint.ts';

/** A building ready to tile: where it stands, how high, and what it is. */
export interface Building {
  footprint: Footprint;
  /** Ellipsoid height of its base, metres. */
  base: number;
  attributes: BuildingAttributes;
}

/** A feature that could not become a building, as the import report lists it. */
export interface SkippedFeature {
  index: number;
  id?: string | number;
  reason: string;
}
