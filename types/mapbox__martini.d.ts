/** RTIN terrain mesher (the package ships no types). */
declare module '@mapbox/martini' {
  export default class Martini {
    constructor(gridSize?: number);
    createTile(terrain: Float32Array): MartiniTile;
  }
  interface MartiniTile {
    getMesh(maxError?: number): { vertices: Uint16Array; triangles: Uint32Array };
  }
}
