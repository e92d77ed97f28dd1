import type { Catalog } from './catalog.ts';
import type { AccessLevel } from './schema.ts';

/** Who is asking: anonymous visitors, or a role granted by an API token. */
export type Role = 'anonymous' | 'viewer' | 'operator' | 'admin';

const readableLevels: Record<Role, readonly AccessLevel[]> = {
  anonymous: ['public'],
  viewer: ['public', 'internal'],
  operator: ['public', 'internal'],
  admin: ['public', 'internal', 'restricted'],
};

export function canRead(role: Role, level: AccessLevel): boolean {
  return readableLevels[role].includes(level);
}

/** Each layer's access level, by layer id. */
export function accessById(catalog: Catalog): ReadonlyMap<string, AccessLevel> {
  return new Map(catalog.layers.map((layer) => [layer.id, layer.access]));
}

/** The catalog as one role may see it: layers above its access level are left out, and the dashboard parts they feed. */
export function catalogFor(role: Role, catalog: Catalog): Catalog {
  const layers = catalog.layers.filter((layer) => canRead(role, layer.access));
  const readable = new Set(layers.map((layer) => layer.id));
  const dashboard = Object.fromEntries(Object.entries(catalog.dashboard).filter(([, source]) => source && readable.has(source.layer)));
  return { ...catalog, layers, dashboard };
}
