import { fromArrayBuffer } from 'geotiff';
import { EARTH_MEAN_RADIUS, bilinear } from '../../layers/index.ts';

const RAD = Math.PI / 180;

/**
 * The heights a terrain layer was meshed from, on a longitude/latitude grid (`elevation.tif`
 * beside its tiles): what analyses compute on, cell by cell, at the DEM's own resolution.
 * Cells are addressed by column (west to east) and row (north to south).
 */
export class ElevationGrid {
  constructor(
    readonly west: number,
    readonly south: number,
    readonly east: number,
    readonly north: number,
    readonly width: number,
    readonly height: number,
    readonly heights: Float32Array,
  ) {}

  /** Reads a single-band float32 GeoTIFF in EPSG:4326 as the terrain import writes it. */
  static async fromGeoTiff(bytes: Uint8Array, name: string): Promise<ElevationGrid> {
    const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const image = await tiff.getImage();
    const [west, south, east, north] = image.getBoundingBox();
    const [band] = (await image.readRasters({ interleave: false })) as unknown as ArrayLike<number>[];
    if (!band || !(west! < east! && south! < north!)) throw new Error(`${name}: not a georeferenced elevation grid`);
    const heights = band instanceof Float32Array ? band : Float32Array.from(band);
    return new ElevationGrid(west!, south!, east!, north!, image.getWidth(), image.getHeight(), heights);
  }

  get cellWidth(): number {
    return (this.east - this.west) / this.width;
  }

  get cellHeight(): number {
    return (this.north - this.south) / this.height;
  }

  /** Column and row of the cell holding a point (fractional: the cell's centre is at .5). */
  column(lon: number): number {
    return (lon - this.west) / this.cellWidth;
  }

  row(lat: number): number {
    return (this.north - lat) / this.cellHeight;
  }

  lonOf(column: number): number {
    return this.west + column * this.cellWidth;
  }

  latOf(row: number): number {
    return this.north - row * this.cellHeight;
  }

  contains(lon: number, lat: number): boolean {
    return lon >= this.west && lon <= this.east && lat >= this.south && lat <= this.north;
  }

  /** The height of the cell holding a point, or NaN outside the grid. */
  cellHeightAt(lon: number, lat: number): number {
    if (!this.contains(lon, lat)) return Number.NaN;
    const column = Math.min(Math.floor(this.column(lon)), this.width - 1);
    const row = Math.min(Math.floor(this.row(lat)), this.height - 1);
    return this.heights[row * this.width + column]!;
  }

  /** Bilinear height between the cell centres around a point (the surface the terrain draws), NaN outside. */
  sample(lon: number, lat: number): number {
    if (!this.contains(lon, lat)) return Number.NaN;
    return bilinear(this.heights, this.width, this.height, this.column(lon) - 0.5, this.row(lat) - 0.5);
  }

  /** Ground area of one cell of a row, m², on the sphere distances are measured on. */
  cellArea(row: number): number {
    const north = this.latOf(row) * RAD;
    const south = this.latOf(row + 1) * RAD;
    return EARTH_MEAN_RADIUS ** 2 * this.cellWidth * RAD * (Math.sin(north) - Math.sin(south));
  }

  /** The size of a cell on the ground, metres (its shorter side), at a latitude. */
  cellMetres(lat: number): number {
    return Math.min(this.cellWidth * Math.cos(lat * RAD), this.cellHeight) * RAD * EARTH_MEAN_RADIUS;
  }
}
