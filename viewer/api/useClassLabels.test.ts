import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../layers/index.ts';
import catalogFile from '../../layers/catalogs/wuyi.json' with { type: 'json' };
import { classLabelsOf } from './useClassLabels.ts';

describe('class names from the catalog', () => {
  it("reads each classified layer's legend as names by class value, without the code before them", () => {
    const catalog = parseCatalog(
      {
        ...catalogFile,
        layers: [
          ...catalogFile.layers,
          {
            id: 'dltb',
            kind: 'thematic',
            title: { zh: '地类图斑', en: 'Land use' },
            group: 'planning',
            visible: false,
            access: 'public',
            source: { type: 'geojson', url: '/data/dltb/parcels.geojson' },
            classify: {
              field: 'code',
              classes: [
                { value: '0101', color: '#ecea8c', label: { zh: '0101 水田', en: '0101 Paddy field' } },
                { value: '1104A', color: '#a0d2ec', label: { zh: '养殖坑塘', en: 'Aquaculture pond' } },
              ],
            },
            metadata: catalogFile.layers[0]!.metadata,
          },
        ],
      },
      'test catalog',
    );
    const labels = classLabelsOf(catalog);
    expect([...labels.keys()]).toEqual(['dltb']);
    expect(Object.fromEntries(labels.get('dltb')!)).toEqual({ '0101': { zh: '水田', en: 'Paddy field' }, '1104A': { zh: '养殖坑塘', en: 'Aquaculture pond' } });
  });
});
