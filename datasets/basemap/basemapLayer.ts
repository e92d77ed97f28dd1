/** The catalog entry of the rendered base map served from `url` (its folder). */
export function basemapLayer(id: string, url: string, options: { maximumLevel: number; rectangle: [number, number, number, number]; synthetic: boolean }) {
  return {
    id,
    kind: 'imagery',
    title: { zh: '晕渲底图', en: 'Relief base map' },
    description: { zh: '由高程数据生成的地形晕渲与水系', en: 'Hillshade and rivers rendered from the elevation data' },
    group: 'basemap',
    visible: true,
    access: 'public',
    source: { type: 'xyz', url: `${url}/{z}/{x}/{y}.png`, tilingScheme: 'geographic', maximumLevel: options.maximumLevel, rectangle: options.rectangle },
    legend: [
      { symbol: 'ramp', color: '#aac896', label: { zh: '河谷平原', en: 'Valley floor' } },
      { symbol: 'ramp', color: '#769662', label: { zh: '丘陵山地', en: 'Hills' } },
      { symbol: 'line', color: '#4696d2', label: { zh: '河流', en: 'River' } },
    ],
    metadata: {
      department: { zh: '县自然资源和规划局', en: 'County Bureau of Natural Resources and Planning' },
      sourceSystem: 'wuyi-twin base map renderer',
      updateFrequency: 'static',
      originalCrs: 'EPSG:4326',
      licence: options.synthetic ? 'CC0 (synthetic sample)' : 'as licensed by the source',
      synthetic: options.synthetic,
    },
  };
}
