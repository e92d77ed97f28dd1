import { useEffect, useMemo, useRef } from 'react';
import {
  Cartesian3,
  Cesium3DTileset,
  DirectionalLight,
  EllipsoidTerrainProvider,
  ImageryLayer,
  Math as CesiumMath,
  TileMapServiceImageryProvider,
  buildModuleUrl,
  type Viewer,
} from 'cesium';
import type { CameraView } from '../../layers/index.ts';

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
      sceneModePicker: true,
      infoBox: false,
      selectionIndicator: false,
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
    const report = () => onChangeRef.current(currentView(viewer));
    report();
    return viewer.camera.moveEnd.addEventListener(report);
  }, [viewer]);
}

function currentView(viewer: Viewer): CameraView {
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
 * Marks the globe's container with `data-tiles-loaded` once the imagery, terrain and 3D Tiles of
 * the current view have loaded, so screenshots and tests know when the picture is complete.
 */
export function useTilesLoadedMarker(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    const container = viewer.container as HTMLElement;
    return viewer.scene.postRender.addEventListener(() => {
      const { primitives, globe } = viewer.scene;
      let tilesLoaded = globe.tilesLoaded;
      for (let i = 0; i < primitives.length && tilesLoaded; i++) {
        const primitive = primitives.get(i) as unknown;
        if (primitive instanceof Cesium3DTileset && primitive.show) tilesLoaded = primitive.tilesLoaded;
      }
      const loaded = String(tilesLoaded);
      if (container.dataset.tilesLoaded !== loaded) container.dataset.tilesLoaded = loaded;
    });
  }, [viewer]);
}

/**
 * Lights the scene from above and a little behind the camera's right shoulder, whatever the
 * clock says: a twin shown at night or to the north of its buildings should not turn them black.
 */
export function useCameraLight(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    const { scene } = viewer;
    const light = new DirectionalLight({ direction: new Cartesian3(0, 0, -1) });
    scene.light = light;
    const down = new Cartesian3();
    const right = new Cartesian3();
    return scene.preRender.addEventListener(() => {
      const { camera } = scene;
      scene.globe.ellipsoid.geodeticSurfaceNormal(camera.positionWC, down);
      Cartesian3.negate(down, down);
      Cartesian3.multiplyByScalar(down, 1.6, down);
      Cartesian3.multiplyByScalar(camera.rightWC, 0.6, right);
      Cartesian3.add(down, right, down);
      Cartesian3.add(down, camera.directionWC, down);
      Cartesian3.normalize(down, light.direction);
    });
  }, [viewer]);
}
