/** The catalog entry of a terrain layer served from `url` (its folder, ending in `/`). */
export function terrainLayer(id: string, url: string, sourceSystem: string, synthetic: boolean) {
  return {
    id,
    kind: 'terrain',
    title: { zh: '地形', en: 'Terrain' },
    group: 'basemap',
    visible: true,
    access: 'public',
    source: { type: 'quantized-mesh', url },
    metadata: {
      department: { zh: '县自然资源和规划局', en: 'County Bureau of Natural Resources and Planning' },
      sourceSystem,
      updateFrequency: 'static',
      originalCrs: 'EPSG:4326',
      licence: synthetic ? 'CC0 (synthetic sample)' : 'as licensed by the source',
      synthetic,
    },
  };
}
