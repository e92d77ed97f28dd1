import { DistanceDisplayCondition, HeightReference } from 'cesium';

/** Farther than this from the camera nothing of a county can be told apart: its markers are not drawn. */
const MARKER_RANGE_M = 500_000;

/**
 * How a dot or a name on the ground is drawn: clamped to the terrain, over everything, within
 * `maxDistance` metres of the camera (and never beyond MARKER_RANGE_M). The range is not only
 * for legibility: Cesium clamps a marker with the finest terrain tile loaded that holds it, and
 * for a marker off screen that may be the root tile, a flat quad cutting through the Earth, so
 * the marker sits thousands of kilometres deep and, drawn over everything, shows at the middle
 * of a straight-down view. Hidden by distance, it cannot.
 */
export function groundMarker(maxDistance = MARKER_RANGE_M) {
  return {
    heightReference: HeightReference.CLAMP_TO_GROUND,
    disableDepthTestDistance: Number.POSITIVE_INFINITY,
    distanceDisplayCondition: new DistanceDisplayCondition(0, Math.min(maxDistance, MARKER_RANGE_M)),
  };
}
