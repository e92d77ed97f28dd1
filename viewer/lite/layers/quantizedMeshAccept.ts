import { QUANTIZED_MESH } from '../../../layers/index.ts';

/**
 * The plugin appends `;extensions=…` to the end of its Accept header, where it qualifies
 * `application/octet-stream`; the twin server, like Cesium's own terrain servers, reads the
 * extensions asked for from the quantized-mesh media range, so the parameter is moved there.
 */
export function quantizedMeshAccept(accept: string): string {
  const extensions = /;\s*extensions=[\w-]+/.exec(accept)?.[0];
  if (!extensions) return accept;
  return accept.replace(extensions, '').replace(QUANTIZED_MESH, `${QUANTIZED_MESH}${extensions}`);
}
