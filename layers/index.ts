export * from './schema.ts';
export { CatalogError, parseCatalog } from './parseCatalog.ts';
export { canRead, catalogFor, type Role } from './access.ts';
