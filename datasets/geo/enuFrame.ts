/** WGS84 ellipsoid. */
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

/** A 4×4 matrix, column-major as glTF and 3D Tiles store them. */
export type Matrix4 = number[];

/** geodeticToEcef into `out` at `offset`, for loops over many points that should not allocate. */
export function writeEcef(out: Float64Array, offset: number, lon: number, lat: number, height: number): void {
  const lambda = lon * RAD;
  const phi = lat * RAD;
  const sinPhi = Math.sin(phi);
  const cosPhi = Math.cos(phi);
  const n = A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
  out[offset] = (n + height) * cosPhi * Math.cos(lambda);
  out[offset + 1] = (n + height) * cosPhi * Math.sin(lambda);
  out[offset + 2] = (n * (1 - E2) + height) * sinPhi;
}

/** Earth-centred, earth-fixed coordinates of a WGS84 longitude/latitude (degrees) and ellipsoid height (m). */
export function geodeticToEcef(lon: number, lat: number, height: number): [number, number, number] {
  const out = new Float64Array(3);
  writeEcef(out, 0, lon, lat, height);
  return [out[0]!, out[1]!, out[2]!];
}

/**
 * A local east-north-up frame at a point on the ellipsoid: tile contents are written in the
 * frame of their tile's centre, so their coordinates stay small and precise in float32.
 */
export class EnuFrame {
  private readonly origin: [number, number, number];
  private readonly east: [number, number, number];
  private readonly north: [number, number, number];
  private readonly up: [number, number, number];

  constructor(lon: number, lat: number, height = 0) {
    const lambda = lon * RAD;
    const phi = lat * RAD;
    this.origin = geodeticToEcef(lon, lat, height);
    this.east = [-Math.sin(lambda), Math.cos(lambda), 0];
    this.north = [-Math.sin(phi) * Math.cos(lambda), -Math.sin(phi) * Math.sin(lambda), Math.cos(phi)];
    this.up = [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
  }

  /** East, north, up (m) of a geodetic point, written into `out` at `offset`. */
  toLocal(lon: number, lat: number, height: number, out: Float64Array | number[], offset = 0): void {
    this.toLocalPair(lon, lat, height, height, out, offset, out, offset);
  }

  /**
   * One point at two heights (a wall's foot and top) into `low` and `high` at `offset`: the
   * sines and cosines, most of the cost, once for both.
   */
  toLocalPair(lon: number, lat: number, lowHeight: number, highHeight: number, low: Float64Array | number[], lowOffset: number, high: Float64Array | number[], highOffset: number): void {
    const lambda = lon * RAD;
    const phi = lat * RAD;
    const sinPhi = Math.sin(phi);
    const cosPhi = Math.cos(phi);
    const cosLambda = Math.cos(lambda);
    const sinLambda = Math.sin(lambda);
    const n = A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
    this.#write(((n + highHeight) * cosPhi) * cosLambda, ((n + highHeight) * cosPhi) * sinLambda, (n * (1 - E2) + highHeight) * sinPhi, high, highOffset);
    this.#write(((n + lowHeight) * cosPhi) * cosLambda, ((n + lowHeight) * cosPhi) * sinLambda, (n * (1 - E2) + lowHeight) * sinPhi, low, lowOffset);
  }

  #write(x: number, y: number, z: number, out: Float64Array | number[], offset: number): void {
    const dx = x - this.origin[0];
    const dy = y - this.origin[1];
    const dz = z - this.origin[2];
    out[offset] = dx * this.east[0] + dy * this.east[1] + dz * this.east[2];
    out[offset + 1] = dx * this.north[0] + dy * this.north[1] + dz * this.north[2];
    out[offset + 2] = dx * this.up[0] + dy * this.up[1] + dz * this.up[2];
  }

  /** The frame-to-ECEF matrix. */
  toEcefMatrix(): Matrix4 {
    return [...this.east, 0, ...this.north, 0, ...this.up, 0, ...this.origin, 1];
  }

  /** The ECEF-to-frame matrix (the inverse of a rigid transform: transpose the rotation). */
  fromEcefMatrix(): Matrix4 {
    const [e, n, u, o] = [this.east, this.north, this.up, this.origin];
    const dot = (v: number[]) => -(v[0]! * o[0] + v[1]! * o[1] + v[2]! * o[2]);
    return [e[0], n[0], u[0], 0, e[1], n[1], u[1], 0, e[2], n[2], u[2], 0, dot(e), dot(n), dot(u), 1];
  }
}

/** a × b for column-major 4×4 matrices. */
export function multiply(a: Matrix4, b: Matrix4): Matrix4 {
  const out = new Array<number>(16);
  for (let column = 0; column < 4; column++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += a[k * 4 + row]! * b[column * 4 + k]!;
      out[column * 4 + row] = sum;
    }
  }
  return out;
}
