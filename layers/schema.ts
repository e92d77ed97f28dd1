import { z } from 'zod';

/**
 * Control characters (NUL, escapes; line breaks and tabs aside) and bidirectional overrides and
 * isolates, which make text display as something other than what it holds (U+202E turns
 * "exe.txt" into "txt.exe").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Whether `text` can be shown as it is: no control characters other than line breaks and tabs, no direction overrides. */
export const isDisplaySafe = (text: string): boolean => !UNSAFE_TEXT.test(text);

const DisplayText = z.string().min(1).max(2000).refine(isDisplaySafe, 'must not hold control characters or text-direction overrides');

/** Text shown to users, in both UI languages. */
export const LocalizedText = z
  .object({
    zh: DisplayText.describe('Chinese (zh-CN) text, the default UI language'),
    en: DisplayText.describe('English text'),
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * A URL the twin may load. The twin runs on closed networks, so every source is a path on
 * the twin's own server; a URL with a host (a CDN, an online basemap) is rejected here.
 */
export const SameOriginUrl = z
  .string()
  .regex(/^\/(api|data|cesium)\//, 'must be a path on the twin server starting with /api/, /data/ or /cesium/')
  .refine((url) => !url.split(/[/?#]/).includes('..'), 'must not contain ".." segments')
  .describe('Path on the twin server; no external hosts (the twin runs offline)');

export const CssColor = z
  .string()
  .regex(/^#([0-9a-f]{6}|[0-9a-f]{8})$/i, 'must be a colour like #1e88e5 or #1e88e580')
  .describe('Colour as #rrggbb or #rrggbbaa');

export const AccessLevel = z
  .enum(['public', 'internal', 'restricted'])
  .describe('public: anyone; internal: signed-in staff; restricted: named roles only');
export type AccessLevel = z.infer<typeof AccessLevel>;

export const LegendItem = z
  .object({
    symbol: z.enum(['fill', 'line', 'point', 'ramp']).describe('How the swatch is drawn'),
    color: CssColor,
    label: LocalizedText,
  })
  .strict();
export type LegendItem = z.infer<typeof LegendItem>;

/**
 * The height datums an import converts from. The twin serves ellipsoidal (WGS84/CGCS2000) heights,
 * as Cesium and 3D Tiles draw them; a survey's heights are usually orthometric, above the geoid.
 * EGM96 comes with its 15′ grid; the 1985 national height datum and EGM2008 need grids no
 * maintained npm package ships, so they are not offered rather than approximated.
 */
export const VerticalDatum = z.enum(['ellipsoidal', 'egm96'], { error: () => 'must be ellipsoidal or egm96 (the 1985 national height datum and EGM2008 have no grid shipped yet)' });
export type VerticalDatum = z.infer<typeof VerticalDatum>;

export const LayerMetadata = z
  .object({
    department: LocalizedText.describe('Owning department (数据责任部门)'),
    sourceSystem: z.string().min(1).describe('System the data comes from'),
    updateFrequency: z
      .enum(['static', 'yearly', 'quarterly', 'monthly', 'weekly', 'daily', 'hourly', 'realtime'])
      .describe('How often the source is refreshed'),
    originalCrs: z
      .string()
      .regex(/^(EPSG:\d{4,5}|GCJ-02)$/, 'must be an EPSG code like EPSG:4490, or GCJ-02')
      .describe('CRS the source data was delivered in'),
    verticalDatum: VerticalDatum.optional().describe('Height datum the source was delivered in; what the twin serves is ellipsoidal, converted on import'),
    licence: z.string().min(1).describe('Licence or terms of use'),
    synthetic: z.boolean().describe('True when the data is generated, not surveyed'),
  })
  .strict();
export type LayerMetadata = z.infer<typeof LayerMetadata>;

const VectorStyle = z
  .object({
    fill: CssColor.optional(),
    stroke: CssColor.optional(),
    strokeWidth: z.number().positive().max(20).optional(),
    pointColor: CssColor.optional(),
    pointSize: z.number().positive().max(64).optional(),
    labelField: z.string().min(1).optional().describe('Feature property shown as a label'),
    labelMaxDistance: z.number().positive().optional().describe('Points and labels show only from closer than this, metres'),
    clampToGround: z.boolean().optional(),
  })
  .strict();
export type VectorStyle = z.infer<typeof VectorStyle>;

/** Fields every layer has, whatever its kind. */
const layerBase = {
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, starting with a letter')
    .describe('Stable id, used in URLs and as the table name for SQL'),
  title: LocalizedText,
  description: LocalizedText.optional(),
  group: z.string().min(1).describe('Id of the layer-tree group this layer sits in'),
  visible: z.boolean().describe('Shown when the twin opens'),
  access: AccessLevel,
  legend: z.array(LegendItem).default([]).describe('Legend entries shown under the layer'),
  table: z
    .object({ arrow: SameOriginUrl, parquet: SameOriginUrl })
    .strict()
    .optional()
    .describe('The layer as a table: Arrow IPC for SQL in the browser, Parquet for download'),
  metadata: LayerMetadata,
};

export const TerrainLayer = z
  .object({
    ...layerBase,
    kind: z.literal('terrain'),
    source: z.object({ type: z.literal('quantized-mesh'), url: SameOriginUrl }).strict(),
    elevation: SameOriginUrl.optional().describe(
      "A float32 GeoTIFF in EPSG:4326 of the heights the terrain was meshed from, at the DEM's resolution with its no-data filled: what the server's analyses compute on",
    ),
  })
  .strict();

export const BuildingsLayer = z
  .object({
    ...layerBase,
    kind: z.literal('buildings'),
    source: z.object({ type: z.literal('3dtiles'), url: SameOriginUrl }).strict(),
    style: z.object({ color: CssColor.optional() }).strict().default({}),
    dashboard: z.literal('buildings').optional().describe("The dashboard counts this layer's buildings by use (see dashboardRoles)"),
  })
  .strict();

/** Where a tileset authored in a local frame (metres east, north and up of an origin) stands on the Earth. */
export const TilesetPlacement = z
  .object({
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    height: z.number().min(-500).max(9000).describe('Ellipsoidal height of the local origin, metres'),
    heading: z.number().min(-360).max(360).default(0).describe('Degrees clockwise from north of the local frame’s y axis'),
  })
  .strict();
export type TilesetPlacement = z.infer<typeof TilesetPlacement>;

/**
 * A 3D Tiles tileset the twin did not make: a survey contractor's photogrammetry (倾斜摄影),
 * BIM or point clouds, drawn as it comes (3D Tiles 1.0 or 1.1), placed and lifted as its
 * delivery needs.
 */
export const TilesetLayer = z
  .object({
    ...layerBase,
    kind: z.literal('tileset'),
    source: z.object({ type: z.literal('3dtiles'), url: SameOriginUrl }).strict(),
    placement: TilesetPlacement.optional().describe('For a tileset in a local frame: the origin its coordinates (after its root transform, if any) are placed at'),
    heightOffset: z.number().min(-1000).max(1000).default(0).describe('Metres the tileset is lifted along the local vertical (negative lowers it)'),
    maximumScreenSpaceError: z.number().min(1).max(256).default(16).describe('Pixels of geometric error allowed before finer tiles load: lower is sharper and heavier'),
  })
  .strict();

export const ImageryLayer = z
  .object({
    ...layerBase,
    kind: z.literal('imagery'),
    source: z
      .object({
        type: z.literal('xyz').describe('Tile URL template with {z}, {x} and {y} (rows from the north)'),
        url: SameOriginUrl,
        tilingScheme: z
          .enum(['geographic', 'webmercator'])
          .default('webmercator')
          .describe('geographic: EPSG:4326 with two tiles at level 0 (as the terrain); webmercator: EPSG:3857'),
        maximumLevel: z.number().int().min(0).max(24).optional(),
        rectangle: z
          .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
          .optional()
          .describe('Extent with tiles, degrees [west, south, east, north]; nothing is requested outside it'),
      })
      .strict(),
    style: z.object({ alpha: z.number().min(0).max(1).default(1) }).strict().default({ alpha: 1 }),
  })
  .strict();

export const VectorLayer = z
  .object({
    ...layerBase,
    kind: z.literal('vector'),
    source: z.object({ type: z.literal('geojson'), url: SameOriginUrl }).strict(),
    style: VectorStyle.default({}),
  })
  .strict();

/** One class of a thematic layer: the field value it matches, its colour and its name in the legend. */
export const ThematicClass = z
  .object({
    value: z.string().min(1).describe('Value of the classifying field, e.g. the GB/T 21010 code 0101'),
    color: CssColor,
    label: LocalizedText,
  })
  .strict();
export type ThematicClass = z.infer<typeof ThematicClass>;

/**
 * Polygons coloured by class (land use by GB/T 21010, planning zones), drawn in the browser as
 * imagery draped on the terrain, so 100,000+ parcels stay interactive and classes can be
 * filtered and layers compared side by side.
 */
export const ThematicLayer = z
  .object({
    ...layerBase,
    kind: z.literal('thematic'),
    source: z.object({ type: z.literal('geojson'), url: SameOriginUrl }).strict(),
    classify: z
      .object({
        field: z.string().min(1).describe('Feature property that holds the class'),
        // A county plan's land and sea use has a hundred classes and more; the legend scrolls.
        classes: z.array(ThematicClass).min(1).max(256),
      })
      .strict(),
    style: z
      .object({
        opacity: z.number().min(0).max(1).default(0.8),
        outline: CssColor.optional().describe('Parcel boundaries, drawn once the view is close enough to tell parcels apart'),
      })
      .strict()
      .default({ opacity: 0.8 }),
    dashboard: z.literal('landUse').optional().describe("The dashboard's land-use areas are this layer's parcels (see dashboardRoles)"),
  })
  .strict();

/** Layers whose features are records of the data API rather than files. */
const apiFedLayer = <K extends string>(kind: K) =>
  z
    .object({
      ...layerBase,
      kind: z.literal(kind),
      source: z.object({ type: z.literal('api'), url: SameOriginUrl }).strict(),
    })
    .strict();

export const MonitoringPointsLayer = apiFedLayer('monitoring-points');
export const IncidentsLayer = apiFedLayer('incidents');

export const LayerDefinition = z
  .discriminatedUnion('kind', [
    TerrainLayer,
    BuildingsLayer,
    TilesetLayer,
    ImageryLayer,
    VectorLayer,
    ThematicLayer,
    MonitoringPointsLayer,
    IncidentsLayer,
  ])
  .describe('One layer of the twin; behaviour is chosen by kind');
export type LayerDefinition = z.infer<typeof LayerDefinition>;
export type TerrainLayerDefinition = z.infer<typeof TerrainLayer>;
export type BuildingsLayerDefinition = z.infer<typeof BuildingsLayer>;
export type TilesetLayerDefinition = z.infer<typeof TilesetLayer>;
export type ImageryLayerDefinition = z.infer<typeof ImageryLayer>;
export type VectorLayerDefinition = z.infer<typeof VectorLayer>;
export type ThematicLayerDefinition = z.infer<typeof ThematicLayer>;
export type IncidentsLayerDefinition = z.infer<typeof IncidentsLayer>;
export type MonitoringPointsLayerDefinition = z.infer<typeof MonitoringPointsLayer>;
export type LayerKind = LayerDefinition['kind'];
/** A layer as a catalog or an import's catalog entry gives it, before the schema fills its defaults. */
export type LayerDefinitionInput<K extends LayerKind = LayerKind> = Extract<z.input<typeof LayerDefinition>, { kind: K }>;

export const CameraView = z
  .object({
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    height: z.number().positive().describe('Camera height above the ellipsoid, metres'),
    heading: z.number().default(0).describe('Degrees clockwise from north'),
    pitch: z.number().min(-90).max(90).default(-90).describe('Degrees; -90 looks straight down'),
  })
  .strict();
export type CameraView = z.infer<typeof CameraView>;

export const LayerGroup = z
  .object({
    id: z.string().min(1),
    title: LocalizedText,
  })
  .strict();
export type LayerGroup = z.infer<typeof LayerGroup>;
