import { useEffect, useMemo, useRef } from 'react';
import {
  Cartesian3,
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
 * Marks the globe's container with `data-tiles-loaded` once the imagery and terrain of the
 * current view have loaded, so screenshots and tests know when the picture is complete.
 */
export function useTilesLoadedMarker(viewer: Viewer | undefined) {
  useEffect(() => {
    if (!viewer) return;
    const container = viewer.container as HTMLElement;
    return viewer.scene.postRender.addEventListener(() => {
      const loaded = String(viewer.scene.globe.tilesLoaded);
      if (container.dataset.tilesLoaded !== loaded) container.dataset.tilesLoaded = loaded;
    });
  }, [viewer]);
}
