import { ZCallbackUrl, ZEmailSignIn } from '@/lib/auth/schemas';

describe('ZCallbackUrl', () => {
  it.each(['/events/x', '/', '/events/x/manage?created=1'])('keeps the same-site path %p', (url) => {
    expect(ZCallbackUrl.parse(url)).toBe(url);
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil', 'evil.example', ''])('replaces %p with /', (url) => {
    expect(ZCallbackUrl.parse(url)).toBe('/');
  });

  it('defaults to / when missing', () => {
    expect(ZCallbackUrl.parse(undefined)).toBe('/');
  });
});

describe('ZEmailSignIn', () => {
  it('trims and lowercases the address', () => {
    expect(ZEmailSignIn.parse({ email: '  Ada@Example.COM ' })).toEqual({ email: 'ada@example.com', callbackUrl: '/' });
  });

  it('rejects an invalid address with a helpful message', () => {
    const r = ZEmailSignIn.safeParse({ email: 'not-an-email', callbackUrl: '/events/x' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['email', 'Enter a valid e-mail address, like name@example.com'],
    ]);
  });

  it('sanitises the callback URL', () => {
    expect(ZEmailSignIn.parse({ email: 'a@b.co', callbackUrl: '//evil.example' }).callbackUrl).toBe('/');
  });
});

describe('ZCallbackUrl control characters', () => {
  it.each(['/\t/evil.example', '/\n/evil.example', '/a\\b'])('sends %p home', (v) => {
    expect(ZCallbackUrl.parse(v)).toBe('/');
  });
});

describe('e-mail address length', () => {
  it('refuses a 100 KB address with a message that says the limit', () => {
    const huge = `${'a'.repeat(100_000)}@example.com`;
    const res = ZEmailSignIn.safeParse({ email: huge });
    expect(res.success).toBe(false);
    expect(res.error!.issues[0]!.message).toBe('An e-mail address has at most 254 characters');
  });

  it('keeps an address of exactly 254 characters', () => {
    const address = `${'a'.repeat(63)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example`;
    expect(address).toHaveLength(254);
    expect(ZEmailSignIn.parse({ email: address }).email).toBe(address);
  });
});
