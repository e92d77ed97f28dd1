/** The catalog entry of a buildings layer whose tileset is at `url`. */
export function buildingsLayer(id: string, url: string, options: { sourceSystem: string; originalCrs: string; synthetic: boolean }) {
  return {
    id,
    kind: 'buildings',
    title: { zh: '建筑', en: 'Buildings' },
    group: 'buildings',
    visible: true,
    access: 'public',
    source: { type: '3dtiles', url },
    legend: [],
    metadata: {
      department: { zh: '县自然资源和规划局', en: 'County Bureau of Natural Resources and Planning' },
      sourceSystem: options.sourceSystem,
      updateFrequency: 'yearly',
      originalCrs: /^EPSG:\d+$/.test(options.originalCrs) ? options.originalCrs : 'EPSG:4326',
      licence: options.synthetic ? 'CC0 (synthetic sample)' : 'as licensed by the source',
      synthetic: options.synthetic,
    },
  };
}
