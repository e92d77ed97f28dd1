/** The media type of a quantized-mesh terrain tile: what the server answers with and a client asks for. */
export const QUANTIZED_MESH = 'application/vnd.quantized-mesh';

const EXTENSIONS = new RegExp(`${QUANTIZED_MESH.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^,]*?;\\s*extensions=([\\w-]+)`, 'i');

/**
 * The extensions a client asks for, read from its `Accept` as Cesium sends it: a parameter of
 * the quantized-mesh media range, `application/vnd.quantized-mesh;extensions=octvertexnormals-metadata,…`.
 */
export function requestedExtensions(accept: string | undefined): Set<string> {
  const match = EXTENSIONS.exec(accept ?? '');
  return new Set(match ? match[1]!.toLowerCase().split('-') : []);
}
