export * from './schema.ts';
export * from './catalog.ts';
export * from './storyboard.ts';
export * from './dashboard.ts';
export * from './records.ts';
export { allowedNext, transitionProblem } from './incidentWorkflow.ts';
export { EARTH_MEAN_RADIUS, metresBetween } from './greatCircle.ts';
export { type FlatPolygon, polygonArea, polygonContains, polygonsOf } from './flatPolygon.ts';
export { CatalogError, parseCatalog } from './parseCatalog.ts';
export { canRead, catalogFor, type Role } from './access.ts';

/** Name of the file an import leaves beside its output: that layer's catalog entry, which the server adds to the catalog. */
export const CATALOG_ENTRY_FILE = 'catalog-entry.json';
