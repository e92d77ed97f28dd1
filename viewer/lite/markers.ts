import { BufferAttribute, BufferGeometry, Color, MathUtils, Points, ShaderMaterial, Vector3 } from 'three';
import { WGS84_ELLIPSOID } from '3d-tiles-renderer/three';

export interface Marker {
  id: string;
  lon: number;
  lat: number;
  /** Metres above the ellipsoid. */
  height: number;
  color: string;
}

const vertexShader = /* glsl */ `
  uniform float time;
  uniform float pixelRatio;
  attribute vec3 color;
  attribute float phase;
  varying vec3 vColor;
  varying float vPulse;
  void main() {
    vColor = color;
    vPulse = 0.5 + 0.5 * sin(time * 4.0 + phase);
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
    gl_PointSize = (14.0 + 14.0 * vPulse) * pixelRatio;
  }
`;

// A solid dot with a white rim inside a halo that swells and fades with the pulse.
const fragmentShader = /* glsl */ `
  varying vec3 vColor;
  varying float vPulse;
  void main() {
    float r = length(gl_PointCoord - 0.5) * 2.0;
    if (r > 1.0) discard;
    float core = 14.0 / (14.0 + 14.0 * vPulse);
    if (r < core * 0.8) gl_FragColor = vec4(vColor, 1.0);
    else if (r < core) gl_FragColor = vec4(1.0);
    else gl_FragColor = vec4(vColor, 0.6 * (1.0 - vPulse) * (1.0 - r));
    #include <colorspace_fragment>
  }
`;

/**
 * Pulsing markers for live records, all in one draw call. They are drawn over everything (a
 * marker behind a hill still shows), and positioned relative to their first marker so that
 * single-precision vertex positions do not jitter at ECEF magnitudes.
 */
export class PulsingMarkers extends Points<BufferGeometry, ShaderMaterial> {
  markers: Marker[] = [];

  constructor() {
    super(
      new BufferGeometry(),
      new ShaderMaterial({
        uniforms: { time: { value: 0 }, pixelRatio: { value: window.devicePixelRatio } },
        vertexShader,
        fragmentShader,
        transparent: true,
        depthTest: false,
        depthWrite: false,
      }),
    );
    this.renderOrder = 1;
    this.frustumCulled = false;
  }

  /** Markers are not surfaces: the controls and picking look through them. */
  override raycast(): void {}

  setTime(seconds: number): void {
    this.material.uniforms.time!.value = seconds;
  }

  setMarkers(markers: Marker[]): void {
    this.markers = markers;
    const positions = new Float32Array(markers.length * 3);
    const colors = new Float32Array(markers.length * 3);
    const phases = new Float32Array(markers.length);
    const point = new Vector3();
    const color = new Color();
    const origin = markers[0] ? ecef(markers[0], new Vector3()) : new Vector3();
    this.position.copy(origin);
    markers.forEach((marker, i) => {
      ecef(marker, point).sub(origin).toArray(positions, 3 * i);
      color.set(marker.color).toArray(colors, 3 * i);
      // Markers pulse out of step, so a new one does not hide among the others.
      phases[i] = (i * 2.399) % (2 * Math.PI);
    });
    this.geometry.dispose();
    this.geometry = new BufferGeometry();
    this.geometry.setAttribute('position', new BufferAttribute(positions, 3));
    this.geometry.setAttribute('color', new BufferAttribute(colors, 3));
    this.geometry.setAttribute('phase', new BufferAttribute(phases, 1));
    this.updateMatrixWorld();
  }

  override dispose(): void {
    this.geometry.dispose();
    this.material.dispose();
  }
}

export function ecef({ lon, lat, height }: { lon: number; lat: number; height: number }, target: Vector3): Vector3 {
  return WGS84_ELLIPSOID.getCartographicToPosition(lat * MathUtils.DEG2RAD, lon * MathUtils.DEG2RAD, height, target);
}
