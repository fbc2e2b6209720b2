import { contentSecurityPolicy, livekitSources } from '@/lib/http/security-headers';

describe('livekitSources', () => {
  it('allows the WebSocket and the HTTP form of a self-hosted server, port included', () => {
    expect(livekitSources('wss://lk.fair.example:7880')).toEqual(['wss://lk.fair.example:7880', 'https://lk.fair.example:7880']);
    expect(livekitSources('ws://127.0.0.1:7880')).toEqual(['ws://127.0.0.1:7880', 'http://127.0.0.1:7880']);
  });

  it('allows LiveKit Cloud’s regional hosts under its domain', () => {
    expect(livekitSources('wss://my-fair-abc123.livekit.cloud')).toEqual(['wss://*.livekit.cloud', 'https://*.livekit.cloud']);
  });

  it('adds nothing without a (valid) server', () => {
    expect(livekitSources(undefined)).toEqual([]);
    expect(livekitSources('not a url')).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy({ nonce: 'abc', livekitUrl: 'wss://lk.fair.example', oauth: ['github'] });
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('runs only nonced scripts (and what they load), never eval', () => {
    expect(directive('script-src')).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('lets calls and blur work: LiveKit, blob workers and media, the blur assets', () => {
    expect(directive('connect-src')).toBe("connect-src 'self' wss://lk.fair.example https://lk.fair.example https://cdn.jsdelivr.net https://storage.googleapis.com");
    expect(directive('worker-src')).toBe("worker-src 'self' blob:");
    expect(directive('media-src')).toBe("media-src 'self' blob: mediastream:");
  });

  it('allows no framing, no plugins, and forms only to us and the configured OAuth provider', () => {
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('form-action')).toBe("form-action 'self' https://github.com");
  });
});
