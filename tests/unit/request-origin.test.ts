import { canonicalLoopbackUrl, requestOrigin } from '@/lib/http/request-origin';

describe('requestOrigin', () => {
  it('reads the host the browser used, or what a proxy forwarded', () => {
    expect(requestOrigin(new Headers({ host: '127.0.0.1:3000' }), 'http:')).toBe('http://127.0.0.1:3000');
    expect(requestOrigin(new Headers({ host: 'app:3000', 'x-forwarded-host': 'fair.example.org', 'x-forwarded-proto': 'https' }), 'http:')).toBe('https://fair.example.org');
    expect(requestOrigin(new Headers({}), 'http:')).toBeUndefined();
    expect(requestOrigin(new Headers({ host: 'bad host' }), 'http:')).toBeUndefined();
  });
});

describe('canonicalLoopbackUrl', () => {
  const url = new URL('http://localhost:3000/signin?callbackUrl=%2Fevents%2Fdemo-fair');
  it('sends another loopback spelling to the one AUTH_URL uses, keeping path and query', () => {
    expect(canonicalLoopbackUrl(url, '127.0.0.1:3000', 'http://localhost:3000')?.href).toBe('http://localhost:3000/signin?callbackUrl=%2Fevents%2Fdemo-fair');
    expect(canonicalLoopbackUrl(url, 'localhost:3000', 'http://127.0.0.1:3000')?.href).toBe('http://127.0.0.1:3000/signin?callbackUrl=%2Fevents%2Fdemo-fair');
  });
  it('leaves everything else alone: same host, no AUTH_URL, other ports, real host names behind a proxy', () => {
    expect(canonicalLoopbackUrl(url, 'localhost:3000', 'http://localhost:3000')).toBeUndefined();
    expect(canonicalLoopbackUrl(url, '127.0.0.1:3000', undefined)).toBeUndefined();
    expect(canonicalLoopbackUrl(url, '127.0.0.1:3001', 'http://localhost:3000')).toBeUndefined();
    expect(canonicalLoopbackUrl(url, 'app:3000', 'https://fair.example.org')).toBeUndefined();
    expect(canonicalLoopbackUrl(url, '127.0.0.1', 'https://fair.example.org')).toBeUndefined();
  });
});
