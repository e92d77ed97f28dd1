import { z } from 'zod';
import { metresBetween } from './greatCircle.ts';

/**
 * Analyses the server computes on the twin's own terrain and buildings (`POST /api/analyses`),
 * and the records it keeps of them: what was asked, what came out and from which data, so that
 * every step of a planning check can be traced and reproduced.
 */

export const ANALYSIS_KINDS = ['flood', 'line-of-sight', 'viewshed', 'profile', 'height-limit', 'excavation'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

/** Most vertices of a polygon or line an analysis takes: a county outline fits (武义县 has 6,564). */
export const MAX_ANALYSIS_VERTICES = 10_000;
/** Widest a polygon or line may span, degrees each way: a county and its neighbours. */
export const MAX_ANALYSIS_SPAN = 2;

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).describe('[lon, lat] in degrees (WGS84)');
/** Heights above the ground: an eye, a mast, a tower. */
const HeightAboveGround = z.number().min(0).max(1_000);

const spans = (positions: [number, number][]) => {
  const lons = positions.map(([lon]) => lon);
  const lats = positions.map(([, lat]) => lat);
  return Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats)) <= MAX_ANALYSIS_SPAN;
};

/** A GeoJSON Polygon (outer ring, holes), closed or not, of at most MAX_ANALYSIS_VERTICES vertices. */
export const AnalysisPolygon = z
  .object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(Position)).min(1, 'must have an outer ring'),
  })
  .strict()
  .refine((polygon) => polygon.coordinates.every((ring) => ring.length >= 3), 'every ring needs at least 3 positions')
  .refine((polygon) => polygon.coordinates.flat().length <= MAX_ANALYSIS_VERTICES, `must have at most ${MAX_ANALYSIS_VERTICES} vertices`)
  .refine((polygon) => spans(polygon.coordinates.flat()), `must span at most ${MAX_ANALYSIS_SPAN}° each way`);
export type AnalysisPolygon = z.infer<typeof AnalysisPolygon>;

/** Longest line a profile follows, metres. */
export const MAX_PROFILE_LENGTH = 200_000;

const Line = z
  .array(Position)
  .min(2, 'needs at least 2 positions')
  .max(MAX_ANALYSIS_VERTICES, `must have at most ${MAX_ANALYSIS_VERTICES} positions`)
  .refine(spans, `must span at most ${MAX_ANALYSIS_SPAN}° each way`)
  .refine((line) => line.slice(1).reduce((sum, position, i) => sum + metresBetween(line[i]!, position), 0) <= MAX_PROFILE_LENGTH, `must be at most ${MAX_PROFILE_LENGTH / 1000} km long`);

export const FloodParams = z
  .object({
    polygon: AnalysisPolygon,
    waterLevel: z.number().min(-500).max(9_000).optional().describe('Water surface, metres, in the heights of the terrain'),
    rise: z.number().min(0).max(1_000).optional().describe('Water surface this many metres above the lowest ground in the polygon'),
  })
  .strict()
  .refine((params) => (params.waterLevel === undefined) !== (params.rise === undefined), { message: 'give waterLevel or rise, not both', path: ['waterLevel'] });
export type FloodParams = z.infer<typeof FloodParams>;

export const LineOfSightParams = z
  .object({
    from: Position,
    to: Position,
    fromHeight: HeightAboveGround.default(1.7).describe('Eye above the ground at `from`, metres'),
    toHeight: HeightAboveGround.default(0).describe('Target above the ground at `to`, metres'),
  })
  .strict()
  .refine((params) => spans([params.from, params.to]), { message: `must lie within ${MAX_ANALYSIS_SPAN}° of from each way`, path: ['to'] });
export type LineOfSightParams = z.infer<typeof LineOfSightParams>;

/** Longest radius a viewshed is computed over, metres. */
export const MAX_VIEWSHED_RADIUS = 10_000;

export const ViewshedParams = z
  .object({
    observer: Position,
    observerHeight: HeightAboveGround.default(1.7).describe('Eye above the ground, metres (a camera on a 30 m mast: 30)'),
    targetHeight: HeightAboveGround.default(0).describe('What must be seen stands this high above the ground, metres'),
    radius: z.number().min(10).max(MAX_VIEWSHED_RADIUS),
  })
  .strict();
export type ViewshedParams = z.infer<typeof ViewshedParams>;

export const ProfileParams = z
  .object({
    line: Line,
    samples: z.number().int().min(2).max(5_000).default(200),
  })
  .strict();
export type ProfileParams = z.infer<typeof ProfileParams>;

export const HeightLimitParams = z
  .object({
    polygon: AnalysisPolygon,
    limit: z.number().min(0).max(9_000).describe('Metres'),
    reference: z
      .enum(['ground', 'elevation'])
      .default('ground')
      .describe('ground: the limit is a building height above the ground it stands on (建筑高度); elevation: a height in the terrain\'s heights (控制高程)'),
  })
  .strict();
export type HeightLimitParams = z.infer<typeof HeightLimitParams>;

export const ExcavationParams = z
  .object({
    polygon: AnalysisPolygon,
    floorLevel: z.number().min(-500).max(9_000).optional().describe('The pit floor or platform, metres, in the heights of the terrain (坑底标高)'),
    depth: z.number().min(0).max(500).optional().describe('The floor this many metres below the lowest ground in the polygon'),
  })
  .strict()
  .refine((params) => (params.floorLevel === undefined) !== (params.depth === undefined), { message: 'give floorLevel or depth, not both', path: ['floorLevel'] });
export type ExcavationParams = z.infer<typeof ExcavationParams>;

/** `POST /api/analyses`: a kind and its parameters. */
export const AnalysisRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flood'), params: FloodParams }).strict(),
  z.object({ kind: z.literal('line-of-sight'), params: LineOfSightParams }).strict(),
  z.object({ kind: z.literal('viewshed'), params: ViewshedParams }).strict(),
  z.object({ kind: z.literal('profile'), params: ProfileParams }).strict(),
  z.object({ kind: z.literal('height-limit'), params: HeightLimitParams }).strict(),
  z.object({ kind: z.literal('excavation'), params: ExcavationParams }).strict(),
]);
export type AnalysisRequest = z.infer<typeof AnalysisRequest>;

export interface FloodResult {
  waterLevel: number;
  /** Lowest ground inside the polygon, metres. */
  lowestGround: number;
  /** DEM cells inside the polygon, and those under water. */
  cells: number;
  floodedCells: number;
  floodedArea: number;
  volume: number;
  maxDepth: number;
  /** The flooded area (GeoJSON MultiPolygon), outlined through the flooded DEM cells' centres. */
  flooded: { type: 'MultiPolygon'; coordinates: number[][][][] };
  /** Buildings standing in water: the ground at their centre or one of their corners is under it. */
  buildings: { oid: string; layerId: string; depth: number }[];
  monitoringPoints: { id: string; name: string; depth: number }[];
}

export interface Obstruction {
  lon: number;
  lat: number;
  height: number;
  /** Metres from `from`. */
  distance: number;
  /** `terrain`, or the building in the way. */
  by: 'terrain' | { oid: string; layerId: string };
}

export interface LineOfSightResult {
  visible: boolean;
  distance: number;
  from: { lon: number; lat: number; height: number };
  to: { lon: number; lat: number; height: number };
  obstruction: Obstruction | null;
}

/** A raster over [west, south, east, north], row by row from the north-west corner. */
export interface AnalysisRaster {
  west: number;
  south: number;
  east: number;
  north: number;
  width: number;
  height: number;
  /** Base64 of one byte a cell: 0 outside the radius, 1 hidden, 2 visible. */
  cells: string;
}

export const VIEWSHED_CELL = { outside: 0, hidden: 1, visible: 2 } as const;

export interface ViewshedResult {
  observer: { lon: number; lat: number; height: number };
  /** Ground within the radius, and the part of it seen, m². */
  area: number;
  visibleArea: number;
  fraction: number;
  raster: AnalysisRaster;
}

export interface ProfileResult {
  length: number;
  points: { distance: number; lon: number; lat: number; height: number }[];
  /** Buildings the line passes through: from and to in metres along it. */
  buildings: { oid: string; layerId: string; from: number; to: number; base: number; top: number }[];
}

export interface HeightLimitResult {
  limit: number;
  reference: 'ground' | 'elevation';
  /** Buildings whose centre lies inside the polygon. */
  checked: number;
  /** Those above the limit, the highest excess first; `top` in the limit's reference. */
  exceeding: { oid: string; layerId: string; name: string; top: number; excess: number; lon: number; lat: number }[];
}

/** Cut and fill to bring the ground inside a polygon to one level: a pit dug to its floor, a platform levelled. */
export interface ExcavationResult {
  floorLevel: number;
  lowestGround: number;
  highestGround: number;
  cells: number;
  /** Ground area inside the polygon, m². */
  area: number;
  /** Earth above the level, to dig out, and room below it, to fill, m³. */
  cutVolume: number;
  fillVolume: number;
  /** The ground's height at each vertex of the polygon's outer ring: the top of the pit's walls. */
  rim: number[];
}

export interface AnalysisResults {
  flood: FloodResult;
  'line-of-sight': LineOfSightResult;
  viewshed: ViewshedResult;
  profile: ProfileResult;
  'height-limit': HeightLimitResult;
  excavation: ExcavationResult;
}

/** The layers an analysis read and the version of each (a digest of the files read). */
export type DataVersion = { layerId: string; version: string }[];

/** A stored analysis, as `GET /api/analyses/{id}` gives it. */
export type Analysis = {
  [K in AnalysisKind]: {
    id: string;
    kind: K;
    params: Extract<AnalysisRequest, { kind: K }>['params'];
    result: AnalysisResults[K];
    dataVersion: DataVersion;
    createdBy: string;
    createdAt: string;
  };
}[AnalysisKind];

/** An analysis in a list: its headline figures instead of its parameters and result. */
export type AnalysisSummary = Omit<Analysis, 'params' | 'result'> & { summary: Record<string, number | boolean> };
