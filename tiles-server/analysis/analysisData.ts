import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type Catalog, type DataVersion, type Role, type TerrainLayerDefinition, canRead } from '../../layers/index.ts';
import { dataFileOf } from '../features/featureCollection.ts';
import type { ObjectIndex } from '../objects/objectIndex.ts';
import { BuildingVolumes } from './buildingVolumes.ts';
import { ElevationGrid } from './elevationGrid.ts';

/** A terrain's elevation grid and the version of the file it was read from. */
export interface Terrain {
  layerId: string;
  version: string;
  grid: ElevationGrid;
}

/** The buildings a caller may read and the layers (with versions) they come from. */
export interface Buildings {
  volumes: BuildingVolumes;
  versions: DataVersion;
}

/**
 * What analyses compute on, read once per catalog and kept: the first terrain layer with an
 * elevation grid that the caller may read, and the buildings layers' objects the caller may
 * read as volumes, one set per role. Versions are digests of the files read, so a stored result
 * names its data.
 */
export class AnalysisData {
  private readonly terrains = new Map<string, Promise<Terrain>>();
  private readonly buildingsByRole = new Map<Role, Promise<Buildings>>();
  /** Each buildings table's digest, read once whichever roles ask. */
  private readonly tableVersions = new Map<string, Promise<string>>();

  constructor(
    private readonly catalog: Catalog,
    private readonly dataDir: string,
    private readonly objects: ObjectIndex,
  ) {}

  /** The first terrain layer with an elevation grid that the caller may read, or none. */
  terrainFor(role: Role): Promise<Terrain | undefined> {
    const layer = this.catalog.layers.find(
      (candidate): candidate is TerrainLayerDefinition => candidate.kind === 'terrain' && candidate.elevation !== undefined && canRead(role, candidate.access),
    );
    if (!layer) return Promise.resolve(undefined);
    return cached(this.terrains, layer.id, async () => {
      const bytes = new Uint8Array(await readFile(dataFileOf(this.dataDir, layer.elevation!)));
      return { layerId: layer.id, version: digest(bytes), grid: await ElevationGrid.fromGeoTiff(bytes, layer.elevation!) };
    });
  }

  buildingsFor(role: Role): Promise<Buildings> {
    return cached(this.buildingsByRole, role, () => this.readBuildings(role));
  }

  private async readBuildings(role: Role): Promise<Buildings> {
    const layers = this.catalog.layers.filter((layer) => layer.kind === 'buildings' && layer.table && canRead(role, layer.access));
    const ids = new Set(layers.map((layer) => layer.id));
    // A table without a base stands its buildings on the terrain.
    const terrain = await this.terrainFor(role);
    const ground = (lon: number, lat: number) => terrain?.grid.sample(lon, lat) ?? 0;
    const volumes = BuildingVolumes.of(
      (function* (objects) {
        for (const object of objects.all()) if (ids.has(object.layerId)) yield object;
      })(this.objects),
      ground,
    );
    const versions = await Promise.all(
      layers.map(async (layer) => ({
        layerId: layer.id,
        version: await cached(this.tableVersions, layer.id, async () => digest(await readFile(dataFileOf(this.dataDir, layer.table!.arrow)))),
      })),
    );
    return { volumes, versions };
  }
}

/** A value read once and kept, unless reading it failed: the next call tries again. */
function cached<K, V>(cache: Map<K, Promise<V>>, key: K, read: () => Promise<V>): Promise<V> {
  let value = cache.get(key);
  if (!value) {
    value = read();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

/** A file's or a record set's version: the start of its SHA-256. */
export function digest(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}
