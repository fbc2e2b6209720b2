import { requestOrigin } from '@/lib/http/request-origin';

describe('requestOrigin', () => {
  it('reads the host the browser used, or what a proxy forwarded', () => {
    expect(requestOrigin(new Headers({ host: '127.0.0.1:3000' }), 'http:')).toBe('http://127.0.0.1:3000');
    expect(requestOrigin(new Headers({ host: 'app:3000', 'x-forwarded-host': 'fair.example.org', 'x-forwarded-proto': 'https' }), 'http:')).toBe('https://fair.example.org');
    expect(requestOrigin(new Headers({}), 'http:')).toBeUndefined();
    expect(requestOrigin(new Headers({ host: 'bad host' }), 'http:')).toBeUndefined();
  });
});

