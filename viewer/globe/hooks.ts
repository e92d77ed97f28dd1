import { useEffect, useMemo, useRef } from 'react';
import {
  Cartesian3,
  Cesium3DTileset,
  DirectionalLight,
  Matrix4,
  Transforms,
  EllipsoidTerrainProvider,
  ImageryLayer,
  Math as CesiumMath,
  SceneMode,
  TileMapServiceImageryProvider,
  buildModuleUrl,
  type Viewer,
} from 'cesium';
import type { CameraView } from '../../layers/index.ts';
import { watchCameraRest } from './cameraRest.ts';
import { flightPending } from './flyToGround.ts';

/**
 * Construction options of the Cesium viewer for a closed network: no ion, no geocoder, no
 * base-layer picker; Cesium's bundled Natural Earth II imagery as the world fallback and the
 * plain ellipsoid until a terrain layer is added.
 */
export function useOfflineViewerOptions() {
  return useMemo(
    () => ({
      baseLayer: ImageryLayer.fromProviderAsync(
        TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII')),
      ),
      terrainProvider: new EllipsoidTerrainProvider(),
      baseLayerPicker: false,
      geocoder: false,
      homeButton: false,
      animation: false,
      timeline: false,
      navigationHelpButton: false,
      fullscreenButton: false,
      // The twin's own, localized switch (SceneModeSwitch) instead; Cesium's opens under the panels.
      sceneModePicker: false,
      infoBox: false,
      selectionIndicator: false,
      // Cesium's credits (its ion logo first) go to an element never shown: the twin uses no ion
      // data, and credits its software and sources in its About panel instead.
      creditContainer: document.createElement('div'),
    }),
    [],
  );
}

/** Puts the camera at `initial` once per viewer, then reports every camera move that ends. */
export function useCameraSync(viewer: Viewer | undefined, initial: CameraView, onChange: (view: CameraView) => void) {
  const initialRef = useRef(initial);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (!viewer) return;
    const { lon, lat, height, heading, pitch } = initialRef.current;
    viewer.camera.setView({
      destination: Cartesian3.fromDegrees(lon, lat, height),
      orientation: { heading: CesiumMath.toRadians(heading), pitch: CesiumMath.toRadians(pitch), roll: 0 },
    });
    const report = () => {
      const view = currentView(viewer);
      if (view) onChangeRef.current(view);
    };
    report();
    return viewer.camera.moveEnd.addEventListener(report);
  }, [viewer]);
}

/** Where the camera is and looks; undefined while the scene morphs between 3D and 2D (it has no heading then). */
export function currentView(viewer: Viewer): CameraView | undefined {
  if (viewer.scene.mode === SceneMode.MORPHING) return undefined;
  const { camera } = viewer;
  const position = camera.positionCartographic;
  return {
    lon: CesiumMath.toDegrees(position.longitude),
    lat: CesiumMath.toDegrees(position.latitude),
    height: position.height,
    heading: CesiumMath.toDegrees(camera.heading) % 360,
    pitch: CesiumMath.toDegrees(camera.pitch),
  };
}

/**
 * Marks the globe's container with `data-tiles-loaded` once the view is drawn complete and the
 * camera is at rest, no flight on its way, so screenshots and tests know when the picture is.
 */
export function useTilesLoadedMarker(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    const container = viewer.container as HTMLElement;
    const camera = watchCameraRest(viewer);
    const stop = viewer.scene.postRender.addEventListener(() => {
      const loaded = String(camera.atRest() && !flightPending(viewer) && viewDrawn(viewer));
      if (container.dataset.tilesLoaded !== loaded) container.dataset.tilesLoaded = loaded;
    });
    return () => {
      stop();
      camera.remove();
    };
  }, [viewer]);
}

/**
 * Whether the frame just drawn shows the view complete: all its tiles loaded, drawn at full
 * resolution (a busy view may be drawn at less, see useSoftwareRendererEconomy).
 */
export function viewDrawn(viewer: Viewer): boolean {
  const { canvas } = viewer;
  // The canvas keeps the size of the frame last drawn until the next one is.
  const fullWidth = Math.trunc(canvas.clientWidth * (viewer.useBrowserRecommendedResolution ? 1 : window.devicePixelRatio));
  return canvas.width === fullWidth && viewTilesLoaded(viewer);
}

/** Whether the imagery, terrain and shown 3D Tiles of the view last rendered have all loaded. */
export function viewTilesLoaded(viewer: Viewer): boolean {
  const { primitives, globe } = viewer.scene;
  let tilesLoaded = globe.tilesLoaded;
  for (let i = 0; i < primitives.length && tilesLoaded; i++) {
    const primitive = primitives.get(i) as unknown;
    if (primitive instanceof Cesium3DTileset && primitive.show) tilesLoaded = primitive.tilesLoaded;
  }
  return tilesLoaded;
}

/**
 * Lights the scene as relief maps are lit, from the north-west at 40° above the horizon of the
 * place the camera looks at, whatever the clock says: hills read as hills, and a twin shown at
 * night does not turn black.
 */
export function useCartographicLight(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    const { scene } = viewer;
    const light = new DirectionalLight({ direction: new Cartesian3(0, 0, -1) });
    scene.light = light;
    const toFixed = new Matrix4();
    // Where the light travels, in east-north-up: towards the south-east and down.
    const elevation = CesiumMath.toRadians(40);
    const travel = new Cartesian3(Math.cos(elevation) * Math.SQRT1_2, -Math.cos(elevation) * Math.SQRT1_2, -Math.sin(elevation));
    return scene.preRender.addEventListener(() => {
      if (scene.mode !== SceneMode.SCENE3D) return;
      Transforms.eastNorthUpToFixedFrame(scene.camera.positionWC, scene.globe.ellipsoid, toFixed);
      Matrix4.multiplyByPointAsVector(toFixed, travel, light.direction);
      Cartesian3.normalize(light.direction, light.direction);
    });
  }, [viewer]);
}

/**
 * Terrain is shaded by the scene light, so hills read as hills; and buildings and lines hide
 * behind them instead of showing through.
 */
export function useTerrainShading(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    const { globe } = viewer.scene;
    globe.enableLighting = true;
    // Lit by our light, not darkened by the real sun's night side.
    globe.dynamicAtmosphereLighting = false;
    globe.depthTestAgainstTerrain = true;
  }, [viewer]);
}

/**
 * Switching between 3D and the flat 2D map keeps the place: after the morph the camera looks at
 * where it looked before (straight down in 2D), instead of Cesium's whole-world view. The relief
 * light is for 3D only; the flat map is drawn unlit, evenly.
 */
export function useSceneModeContinuity(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    const { scene } = viewer;
    let lastView = currentView(viewer);
    // The tilt to return to in 3D: the flat map always looks straight down.
    let lastTilt = lastView;
    const remember = () => {
      lastView = currentView(viewer) ?? lastView;
      if (scene.mode === SceneMode.SCENE3D) lastTilt = lastView;
    };
    const restore = () => {
      scene.globe.enableLighting = scene.mode === SceneMode.SCENE3D;
      if (!lastView) return;
      const flat = scene.mode === SceneMode.SCENE2D;
      const { heading, pitch } = flat || !lastTilt ? { heading: 0, pitch: -90 } : lastTilt;
      viewer.camera.setView({
        destination: Cartesian3.fromDegrees(lastView.lon, lastView.lat, lastView.height),
        orientation: { heading: CesiumMath.toRadians(heading), pitch: CesiumMath.toRadians(pitch), roll: 0 },
      });
    };
    const removers = [viewer.camera.moveEnd.addEventListener(remember), scene.morphComplete.addEventListener(restore)];
    return () => removers.forEach((remove) => remove());
  }, [viewer]);
}
