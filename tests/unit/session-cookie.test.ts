// The session cookie as Auth.js names and reads it (lib/auth/session-cookie.ts), for pages, route handlers and actions.
import { sessionCookieName, sessionCookieValue, sessionRequestOf } from '@/lib/auth/session-cookie';

test('the cookie is __Secure- prefixed exactly when the site is https (AUTH_URL first, then X-Forwarded-Proto, else https)', () => {
  expect(sessionCookieName(null, 'http://127.0.0.1:3000')).toBe('authjs.session-token');
  expect(sessionCookieName('https', 'http://127.0.0.1:3000')).toBe('authjs.session-token');
  expect(sessionCookieName(null, 'https://fair.example.org')).toBe('__Secure-authjs.session-token');
  expect(sessionCookieName('http', undefined)).toBe('authjs.session-token');
  expect(sessionCookieName('https:', undefined)).toBe('__Secure-authjs.session-token');
  expect(sessionCookieName(null, undefined)).toBe('__Secure-authjs.session-token');
});

test('the value is the cookie itself, or its chunks joined in order', () => {
  const name = 'authjs.session-token';
  expect(sessionCookieValue(null, name)).toBeUndefined();
  expect(sessionCookieValue('other=1', name)).toBeUndefined();
  expect(sessionCookieValue('a=1; authjs.session-token=abc.def; b=2', name)).toBe('abc.def');
  // The secure name is another cookie.
  expect(sessionCookieValue('__Secure-authjs.session-token=abc', name)).toBeUndefined();
  expect(sessionCookieValue(`${name}.1=def; ${name}.0=abc; ${name}.2=ghi`, name)).toBe('abcdefghi');
  expect(sessionCookieValue(`${name}=`, name)).toBeUndefined();
});

test('route handlers and server actions read the session from the cookie header and the forwarded protocol', () => {
  const h = new Headers({ cookie: 'a=1; authjs.session-token=tok', 'x-forwarded-proto': 'http' });
  const request = sessionRequestOf(h);
  expect(request).toEqual({ cookie: 'a=1; authjs.session-token=tok', forwardedProto: 'http' });
  expect(sessionCookieValue(request.cookie, sessionCookieName(request.forwardedProto, undefined))).toBe('tok');
  expect(sessionRequestOf(new Headers())).toEqual({ cookie: null, forwardedProto: null });
});
