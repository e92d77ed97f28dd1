/**
 * Whether WebGL is drawn in software here (Mesa's llvmpipe, SwiftShader): an office PC or a
 * virtual desktop without a graphics card, where every pixel costs CPU time.
 */
export function isSoftwareRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): boolean {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return /llvmpipe|softpipe|swiftshader|software/i.test(renderer);
}

/** The same, asked of a throwaway context, before a renderer whose options depend on it is made. */
export function softwareWebglHere(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const software = isSoftwareRenderer(gl);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return software;
}
