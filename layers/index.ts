export * from './schema.ts';
export * from './catalog.ts';
export * from './capabilities.ts';
export * from './storyboard.ts';
export * from './dashboard.ts';
export * from './records.ts';
export { LAYER_TABLE_COLUMNS } from './layerTable.ts';
export { QUANTIZED_MESH, requestedExtensions } from './quantizedMesh.ts';
export type { SearchHit } from './search.ts';
export * from './recordInputs.ts';
export { allowedNext, transitionProblem } from './incidentWorkflow.ts';
export { EARTH_MEAN_RADIUS, metresBetween } from './greatCircle.ts';
export { type FlatPolygon, polygonArea, polygonContains, polygonsOf } from './flatPolygon.ts';
export { CatalogError, parseCatalog } from './parseCatalog.ts';
export { accessById, canRead, catalogFor, type Role } from './access.ts';

/** Name of the file an import leaves beside its output: that layer's catalog entry, which the server adds to the catalog. */
export const CATALOG_ENTRY_FILE = 'catalog-entry.json';

/** Name of the report an import leaves beside its output: what it read, skipped and why, with the paths it read from. */
export const IMPORT_REPORT_FILE = 'import-report.json';

/** Files the pipeline writes into a layer's folder for the server and the operator, never served with the layer's data. */
export const PIPELINE_FILES: readonly string[] = [CATALOG_ENTRY_FILE, IMPORT_REPORT_FILE];
export * from './analysis.ts';
export { bilinear } from './gridSample.ts';
export { buildingColor, buildingUseLegend } from './buildingUses.ts';
