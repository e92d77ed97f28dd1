import { describe, expect, it } from 'vitest';
import { requestedExtensions } from '../../../layers/index.ts';
import { quantizedMeshAccept } from './quantizedMeshAccept.ts';

describe('the Accept header for quantized-mesh tiles', () => {
  const sent = 'application/vnd.quantized-mesh,application/octet-stream;q=0.9;extensions=octvertexnormals-metadata';

  it('moves the extensions onto the quantized-mesh media range, where the server reads them', () => {
    expect(requestedExtensions(sent)).toEqual(new Set());
    const fixed = quantizedMeshAccept(sent);
    expect(fixed).toBe('application/vnd.quantized-mesh;extensions=octvertexnormals-metadata,application/octet-stream;q=0.9');
    expect(requestedExtensions(fixed)).toEqual(new Set(['octvertexnormals', 'metadata']));
  });

  it('leaves a header without extensions alone', () => {
    expect(quantizedMeshAccept('application/vnd.quantized-mesh,application/octet-stream;q=0.9')).toBe('application/vnd.quantized-mesh,application/octet-stream;q=0.9');
  });
});
