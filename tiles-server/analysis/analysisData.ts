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
 * elevation grid that the caller may read, and the buildings layers' objects as volumes, one
 * set per role. Versions are digests of the files read, so a stored result names its data.
 */
export class AnalysisData {
  private terrain: Promise<Terrain | undefined> | undefined;
  private readonly buildingsByRole = new Map<Role, Promise<Buildings>>();

  constructor(
    private readonly catalog: Catalog,
    private readonly dataDir: string,
    private readonly objects: ObjectIndex,
  ) {}

  /** The terrain analyses run on, unless the caller may not read it or the twin has none. */
  async terrainFor(role: Role): Promise<Terrain | undefined> {
    const layer = this.catalog.layers.find((candidate): candidate is TerrainLayerDefinition => candidate.kind === 'terrain' && candidate.elevation !== undefined);
    if (!layer || !canRead(role, layer.access)) return undefined;
    this.terrain ??= (async () => {
      const bytes = new Uint8Array(await readFile(dataFileOf(this.dataDir, layer.elevation!)));
      return { layerId: layer.id, version: digest(bytes), grid: await ElevationGrid.fromGeoTiff(bytes, layer.elevation!) };
    })();
    const terrain = await this.terrain.catch((error) => {
      this.terrain = undefined;
      throw error;
    });
    return terrain;
  }

  async buildingsFor(role: Role): Promise<Buildings> {
    let buildings = this.buildingsByRole.get(role);
    if (!buildings) {
      buildings = this.readBuildings(role);
      this.buildingsByRole.set(role, buildings);
    }
    return buildings;
  }

  private async readBuildings(role: Role): Promise<Buildings> {
    const layers = this.catalog.layers.filter((layer) => layer.kind === 'buildings' && layer.table && canRead(role, layer.access));
    const ids = new Set(layers.map((layer) => layer.id));
    const terrain = await this.terrainFor(role).catch(() => undefined);
    const ground = (lon: number, lat: number) => terrain?.grid.sample(lon, lat) ?? 0;
    const volumes = BuildingVolumes.of(
      (function* (objects) {
        for (const object of objects.all()) if (ids.has(object.layerId)) yield object;
      })(this.objects),
      ground,
    );
    const versions = await Promise.all(layers.map(async (layer) => ({ layerId: layer.id, version: digest(await readFile(dataFileOf(this.dataDir, layer.table!.arrow))) })));
    return { volumes, versions };
  }
}

/** A file's or a record set's version: the start of its SHA-256. */
export function digest(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}
