import { refuseBadActionRequest } from '@/lib/http/action-guard';

const action = (body: string | FormData, headers: Record<string, string> = {}) => {
  const req = new Request('http://fair.test/profile', { method: 'POST', body, headers: { host: 'fair.test', 'next-action': '7fabc', origin: 'http://fair.test', ...headers } });
  // Node's Request computes no Content-Length; browsers always send one.
  if (!('content-length' in headers) && typeof body === 'string') req.headers.set('content-length', String(Buffer.byteLength(body)));
  return req;
};

describe('refuseBadActionRequest', () => {
  it('lets a well-formed same-site call through, and everything that is not an action call', async () => {
    expect(await refuseBadActionRequest(action('["x"]', { 'content-type': 'text/plain;charset=UTF-8' }))).toBeNull();
    expect(await refuseBadActionRequest(new Request('http://fair.test/profile', { method: 'POST', body: 'x' }))).toBeNull();
    expect(await refuseBadActionRequest(new Request('http://fair.test/'))).toBeNull();
  });

  it('refuses a call from another site with 403, behind a proxy too', async () => {
    expect(await refuseBadActionRequest(action('[]', { 'content-type': 'text/plain', origin: 'https://evil.example' }))).toMatchObject({ status: 403 });
    expect(await refuseBadActionRequest(action('[]', { 'content-type': 'text/plain', origin: 'null' }))).toMatchObject({ status: 403 });
    expect(await refuseBadActionRequest(action('[]', { 'content-type': 'text/plain', host: 'internal:3000', 'x-forwarded-host': 'fair.test' }))).toBeNull();
  });

  it('refuses a body over 1 MB with 413 without reading it, and one of unknown length with 411', async () => {
    expect(await refuseBadActionRequest(action('[]', { 'content-type': 'text/plain', 'content-length': String(1024 * 1024 + 1) }))).toMatchObject({ status: 413 });
    const unknown = new Request('http://fair.test/p', { method: 'POST', body: '[]', headers: { host: 'fair.test', 'next-action': 'x', origin: 'http://fair.test' } });
    expect(await refuseBadActionRequest(unknown)).toMatchObject({ status: 411 });
  });

  it('refuses an unreadable body with 400 and a strange content type with 415', async () => {
    expect(await refuseBadActionRequest(action('not json[', { 'content-type': 'text/plain;charset=UTF-8' }))).toMatchObject({ status: 400 });
    expect(await refuseBadActionRequest(action('garbage', { 'content-type': 'multipart/form-data; boundary=xyz' }))).toMatchObject({ status: 400 });
    expect(await refuseBadActionRequest(action('{}', { 'content-type': 'application/json' }))).toMatchObject({ status: 415 });
  });
});
