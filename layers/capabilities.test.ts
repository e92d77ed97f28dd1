import { describe, expect, it } from 'vitest';
import { LAYER_CAPABILITIES } from './capabilities.ts';
import { LayerDefinition } from './schema.ts';

/** Each kind of the schema with its source type, the fields it has and its row of the table. */
const kinds = LayerDefinition.options.map((schema) => ({
  kind: schema.shape.kind.value,
  source: schema.shape.source.shape.type.value as string,
  fields: Object.keys(schema.shape),
  can: LAYER_CAPABILITIES[schema.shape.kind.value],
}));
const where = (test: (kind: (typeof kinds)[number]) => boolean) => kinds.filter(test).map(({ kind }) => kind);

describe('layer capabilities', () => {
  it('publishes the tile folder of every kind whose source is neither one GeoJSON file nor the data API', () => {
    expect(where(({ can }) => can.tiled)).toEqual(where(({ source }) => source !== 'geojson' && source !== 'api'));
  });

  it('serves as OGC collections only kinds with a GeoJSON source', () => {
    expect(where(({ can, source }) => can.features && source !== 'geojson')).toEqual([]);
  });

  it('calls classed exactly the kinds whose schema has classes', () => {
    expect(where(({ can }) => can.classed)).toEqual(where(({ fields }) => fields.includes('classify')));
  });

  it('shows as records exactly the kinds fed by the data API', () => {
    expect(where(({ can }) => can.records)).toEqual(where(({ source }) => source === 'api'));
  });

  it('drapes every comparable kind, each draped kind at a place of its own', () => {
    expect(where(({ can }) => can.comparable && can.drapeOrder === null)).toEqual([]);
    const orders = kinds.flatMap(({ can }) => (can.drapeOrder === null ? [] : [can.drapeOrder]));
    expect(new Set(orders).size).toBe(orders.length);
  });
});
