/**
 * The pages' Content-Security-Policy. It is per request (a fresh nonce for Next's own inline
 * scripts, set by proxy.ts); the headers that are the same on every response are in next.config.mjs.
 */

export type TCspOptions = { nonce: string; livekitUrl?: string; oauth?: ('github' | 'google')[]; isDev?: boolean };

// Background blur (@livekit/track-processors) loads MediaPipe's WebAssembly from jsDelivr and
// its segmentation model from Google's storage: both must be reachable, and the wasm compiled.
const BLUR_ASSET_HOSTS = ['https://cdn.jsdelivr.net', 'https://storage.googleapis.com'];
const OAUTH_FORM_TARGETS = { github: 'https://github.com', google: 'https://accounts.google.com' } as const;

/** Where the browser talks to LiveKit: its WebSocket and the same host over HTTP(S) (region and validation requests). */
export function livekitSources(livekitUrl: string | undefined): string[] {
  if (!livekitUrl) return [];
  let url: URL;
  try {
    url = new URL(livekitUrl);
  } catch {
    return [];
  }
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  // LiveKit Cloud sends clients on to regional hosts under the same domain.
  const host = url.hostname.endsWith('.livekit.cloud') ? '*.livekit.cloud' : url.host;
  return secure ? [`wss://${host}`, `https://${host}`] : [`ws://${host}`, `http://${host}`];
}

export function contentSecurityPolicy(o: TCspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // strict-dynamic: scripts that Next's nonced scripts load are trusted, nothing else is;
    // wasm-unsafe-eval compiles the blur's WebAssembly (it does not allow eval of JS).
    'script-src': ["'self'", `'nonce-${o.nonce}'`, "'strict-dynamic'", "'wasm-unsafe-eval'", ...(o.isDev ? ["'unsafe-eval'"] : [])],
    // React's style attributes and LiveKit's components set inline styles; styles run no code.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...livekitSources(o.livekitUrl), ...BLUR_ASSET_HOSTS],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    // LiveKit's frame ticker and MediaPipe run in workers made from blob: URLs.
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...(o.oauth ?? []).map((p) => OAUTH_FORM_TARGETS[p])],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
