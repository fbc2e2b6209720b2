import { sameSiteRedirect } from '@/lib/auth/redirect';

describe('sameSiteRedirect', () => {
  const base = 'http://localhost:3000';
  it('keeps same-site targets as paths, so the browser stays on the host it used', () => {
    expect(sameSiteRedirect('/events/demo-fair', base)).toBe('/events/demo-fair');
    expect(sameSiteRedirect('http://localhost:3000/events/x?y=1', base)).toBe('/events/x?y=1');
    // The other loopback spelling of the same server (no AUTH_URL: Next calls itself localhost).
    expect(sameSiteRedirect('http://127.0.0.1:3000/events/demo-fair/chats', base)).toBe('/events/demo-fair/chats');
  });
  it('never sends anyone to another site', () => {
    expect(sameSiteRedirect('https://evil.example/phish', base)).toBe('/');
    expect(sameSiteRedirect('//evil.example', base)).toBe('/');
    expect(sameSiteRedirect('/\\evil.example', base)).toBe('/');
    expect(sameSiteRedirect('http://127.0.0.1:4000/x', base)).toBe('/');
    expect(sameSiteRedirect('not a url', base)).toBe('/');
  });
});
