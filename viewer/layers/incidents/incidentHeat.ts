import { useEffect } from 'react';
import { ImageryLayer, Rectangle, SingleTileImageryProvider, type Viewer } from 'cesium';
import { EARTH_MEAN_RADIUS, type Incident } from '../../../layers/index.ts';

/** How far one incident warms the ground around it (the kernel's standard deviation), metres. */
const SPREAD_M = 600;
/** The heat image's longer side, pixels. */
const IMAGE_PX = 512;
const RAD = Math.PI / 180;

/**
 * The incidents' hot spots as a heat layer on the ground: each incident adds a Gaussian of
 * SPREAD_M around it, and the sum, scaled to its peak, runs from clear through yellow to red.
 */
export function useIncidentHeatLayer(viewer: Viewer | undefined, incidents: readonly Incident[], on: boolean): void {
  useEffect(() => {
    if (!viewer || !on || incidents.length === 0) return;
    const image = heatImage(incidents);
    const layer = new ImageryLayer(
      new SingleTileImageryProvider({ url: image.url, rectangle: Rectangle.fromDegrees(...image.extent), tileWidth: image.width, tileHeight: image.height }),
      { alpha: 0.85 },
    );
    viewer.imageryLayers.add(layer);
    viewer.scene.requestRender();
    return () => {
      if (!viewer.isDestroyed()) viewer.imageryLayers.remove(layer);
    };
  }, [viewer, incidents, on]);
}

/** The density image over the incidents' extent, padded by three spreads. */
function heatImage(incidents: readonly Incident[]): { url: string; extent: [number, number, number, number]; width: number; height: number } {
  const lats = incidents.map((incident) => incident.lat);
  const lons = incidents.map((incident) => incident.lon);
  const latPad = (3 * SPREAD_M) / (RAD * EARTH_MEAN_RADIUS);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const lonPad = latPad / Math.cos(midLat * RAD);
  const [west, south, east, north] = [Math.min(...lons) - lonPad, Math.min(...lats) - latPad, Math.max(...lons) + lonPad, Math.max(...lats) + latPad];
  const metresAcross = (east - west) * Math.cos(midLat * RAD) * RAD * EARTH_MEAN_RADIUS;
  const metresDown = (north - south) * RAD * EARTH_MEAN_RADIUS;
  const scale = IMAGE_PX / Math.max(metresAcross, metresDown);
  const [width, height] = [Math.max(1, Math.round(metresAcross * scale)), Math.max(1, Math.round(metresDown * scale))];
  const density = new Float32Array(width * height);
  const sigma = SPREAD_M * scale;
  const reach = Math.ceil(3 * sigma);
  for (const { lon, lat } of incidents) {
    const cx = ((lon - west) / (east - west)) * width;
    const cy = ((north - lat) / (north - south)) * height;
    for (let y = Math.max(0, Math.floor(cy - reach)); y < Math.min(height, Math.ceil(cy + reach)); y++) {
      for (let x = Math.max(0, Math.floor(cx - reach)); x < Math.min(width, Math.ceil(cx + reach)); x++) {
        density[y * width + x]! += Math.exp(-((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2) / (2 * sigma * sigma));
      }
    }
  }
  const peak = density.reduce((max, value) => Math.max(max, value), 0);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(width, height);
  density.forEach((value, i) => {
    const t = value / peak;
    if (t < 0.02) return;
    // Yellow at the rim of a hot spot to red at its heart, fading in from clear at its edge.
    pixels.data.set([255, Math.round(220 * (1 - t)), 0, Math.round(230 * Math.min(1, t * 1.6))], i * 4);
  });
  context.putImageData(pixels, 0, 0);
  return { url: canvas.toDataURL('image/png'), extent: [west, south, east, north], width, height };
}
