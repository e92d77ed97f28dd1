import { describe, expect, it } from 'vitest';
import { requestedExtensions } from './quantizedMesh.ts';

describe('quantized-mesh extensions in Accept', () => {
  it('reads the list Cesium sends', () => {
    const accept = 'application/vnd.quantized-mesh;extensions=octvertexnormals-metadata,application/octet-stream;q=0.9,*/*;q=0.01';
    expect(requestedExtensions(accept)).toEqual(new Set(['octvertexnormals', 'metadata']));
  });

  it('reads no extensions from a plain request', () => {
    expect(requestedExtensions('application/vnd.quantized-mesh,application/octet-stream;q=0.9')).toEqual(new Set());
    expect(requestedExtensions(undefined)).toEqual(new Set());
  });
});
