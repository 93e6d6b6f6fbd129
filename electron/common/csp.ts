// One Content-Security-Policy for every window, in Electron and in the browser mode.
// Cesium needs blob: workers and WebAssembly; nothing may load from another host, except the media
// servers of the video platforms this console is configured with (their streams, MJPEG stills, WHEP).
export function contentSecurityPolicy(mediaSources: readonly string[] = []): string {
  const media = mediaSources.length ? ` ${mediaSources.join(' ')}` : '';
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `img-src 'self' data: blob:${media}`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    `connect-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();
