import { AmbientLight, DirectionalLight, MathUtils, PerspectiveCamera, Scene, Vector3, WebGLRenderer } from 'three';
import { GlobeControls, type TilesRenderer, WGS84_ELLIPSOID } from '3d-tiles-renderer/three';
import type { CameraView } from '../../layers/index.ts';
import { softwareWebglHere } from '../app/softwareWebgl.ts';
import { placeCamera } from './cameraView.ts';
import { Drapes } from './drapes.ts';

const QUIET_FRAMES = 30;
/** The share of the resolution drawn at on software WebGL while the view is busy, as the full viewer does. */
const BUSY_RESOLUTION = 0.5;
/** A camera move this recent keeps the view busy. */
const MOVE_MS = 300;

/**
 * The lite viewer's 3D view: a three.js scene in Earth-centred, Earth-fixed coordinates (the
 * tilesets' own, so nothing is re-projected), a camera driven by globe controls, and a render
 * loop that updates every tileset for the camera before drawing.
 */
export class LiteScene {
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(60, 1, 1, 1e7);
  readonly renderer: WebGLRenderer;
  readonly controls: GlobeControls;
  /** Imagery, vector and thematic layers draped on the terrain. */
  readonly drapes = new Drapes();
  private globeFramed = false;
  /** Frames drawn so far (the frame-rate measurement counts them). */
  frames = 0;
  private readonly tilesets = new Set<TilesRenderer>();
  private readonly frameListeners = new Set<(seconds: number) => void>();
  private readonly resizeObserver: ResizeObserver;
  private loaded = false;
  private quietFrames = 0;
  private animation = 0;
  /** Software WebGL: no multisampling, and half resolution while tiles load or the camera moves (see useSoftwareRendererEconomy). */
  private readonly economy = softwareWebglHere();
  private lastMove = 0;

  constructor(
    readonly container: HTMLElement,
    view: CameraView,
    private readonly onLoaded: (loaded: boolean) => void,
  ) {
    this.renderer = new WebGLRenderer({ antialias: !this.economy, logarithmicDepthBuffer: true });
    this.renderer.setPixelRatio(window.devicePixelRatio);
    this.renderer.setClearColor(0xdde7f0);
    container.append(this.renderer.domElement);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();

    this.controls = new GlobeControls(this.scene, this.camera, this.renderer.domElement);
    this.controls.enableDamping = true;
    this.controls.addEventListener('change', () => (this.lastMove = performance.now()));
    placeCamera(this.camera, view);
    this.light(view);
    this.animation = requestAnimationFrame(this.draw);
  }

  /**
   * Adds a tileset; the first one in the scene's ECEF frame (`inEcef`: its group not moved) also
   * gives the controls their globe.
   */
  addTiles(tiles: TilesRenderer, inEcef = true): void {
    if (inEcef && !this.globeFramed) {
      this.controls.setEllipsoid(tiles.ellipsoid, tiles.group);
      this.globeFramed = true;
    }
    tiles.setCamera(this.camera);
    this.setResolution(tiles);
    this.tilesets.add(tiles);
    this.scene.add(tiles.group);
  }

  removeTiles(tiles: TilesRenderer): void {
    this.tilesets.delete(tiles);
    this.scene.remove(tiles.group);
  }

  /** Calls `listener` before every frame with the time in seconds; returns a function that stops it. */
  onFrame(listener: (seconds: number) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  dispose(): void {
    cancelAnimationFrame(this.animation);
    this.resizeObserver.disconnect();
    this.controls.dispose();
    this.renderer.dispose();
    this.renderer.domElement.remove();
  }

  private readonly draw = (time: number) => {
    this.animation = requestAnimationFrame(this.draw);
    this.controls.update();
    this.camera.updateMatrixWorld();
    for (const listener of this.frameListeners) listener(time / 1000);
    let idle = true;
    for (const tiles of this.tilesets) {
      this.setResolution(tiles);
      tiles.update();
      idle &&= tiles.root !== null && tiles.loadProgress === 1;
    }
    this.renderer.render(this.scene, this.camera);
    this.frames++;
    // A tile's children are known only once it is parsed, so loading pauses for a frame or two
    // between levels: the view counts as loaded once nothing has loaded for a while.
    this.quietFrames = idle ? this.quietFrames + 1 : 0;
    const settled = this.quietFrames >= QUIET_FRAMES && performance.now() - this.lastMove > MOVE_MS;
    // Complete once drawn settled at full resolution; the next frame's resolution is set after this one.
    const loaded = settled && this.renderer.getPixelRatio() === window.devicePixelRatio;
    if (loaded !== this.loaded) this.onLoaded((this.loaded = loaded));
    const ratio = this.economy && !settled ? window.devicePixelRatio * BUSY_RESOLUTION : window.devicePixelRatio;
    if (this.renderer.getPixelRatio() !== ratio) this.renderer.setPixelRatio(ratio);
  };

  /** Tiles are chosen by the CSS size at full resolution, so drawing at less loads nothing coarser. */
  private setResolution(tiles: TilesRenderer): void {
    const { clientWidth, clientHeight } = this.container;
    if (clientWidth === 0 || clientHeight === 0) return;
    tiles.setResolution(this.camera, clientWidth * window.devicePixelRatio, clientHeight * window.devicePixelRatio);
  }

  private resize(): void {
    const { clientWidth: width, clientHeight: height } = this.container;
    if (width === 0 || height === 0) return;
    this.renderer.setSize(width, height);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
  }

  /** Soft sky light and a sun high in the south-east over the place the twin opens at, so walls read as shaded. */
  private light({ lon, lat }: CameraView): void {
    const toRad = MathUtils.DEG2RAD;
    const sun = new DirectionalLight(0xffffff, 3);
    WGS84_ELLIPSOID.getCartographicToNormal(lat * toRad, lon * toRad, sun.position);
    const east = new Vector3();
    const north = new Vector3();
    WGS84_ELLIPSOID.getEastNorthUpAxes(lat * toRad, lon * toRad, east, north, new Vector3());
    sun.position.addScaledVector(east, 0.4).addScaledVector(north, -0.5);
    sun.target.position.set(0, 0, 0);
    this.scene.add(sun, sun.target, new AmbientLight(0xc8d4e6, 0.6));
  }
}
