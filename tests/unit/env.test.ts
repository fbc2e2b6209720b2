import { assertPublicOrigin, parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('defaults to the embedded database with demo sign-in and demo data', () => {
    const e = parseEnv({});
    expect(e.isEmbedded).toBe(true);
    expect(e.databaseUrl).toBeUndefined();
    expect(e.demoLogin).toBe(true);
    expect(e.seedDemo).toBe(true);
    expect(e.dataDir).toBe('.data');
    expect(e.pgliteDir).toBe('.data/pglite');
    expect(e.migrationsDir).toBe('db/migrations');
    expect(e.adminEmails).toEqual([]);
    expect(e.livekit).toBeUndefined();
  });

  it('treats a blank DATABASE_URL as unset', () => {
    expect(parseEnv({ DATABASE_URL: '   ' }).isEmbedded).toBe(true);
  });

  it('puts the PGlite folder under DATA_DIR unless PGLITE_DIR is given', () => {
    expect(parseEnv({ DATA_DIR: '/var/fair' }).pgliteDir).toBe('/var/fair/pglite');
    expect(parseEnv({ DATA_DIR: '/var/fair', PGLITE_DIR: '/tmp/pg' }).pgliteDir).toBe('/tmp/pg');
  });

  it('turns demo sign-in and demo data off on PostgreSQL', () => {
    const e = parseEnv({ DATABASE_URL: 'postgres://u:p@localhost:5432/fair' });
    expect(e.isEmbedded).toBe(false);
    expect(e.databaseUrl).toBe('postgres://u:p@localhost:5432/fair');
    expect(e.demoLogin).toBe(false);
    expect(e.seedDemo).toBe(false);
  });

  it.each(['1', 'true'])('allows demo sign-in on PostgreSQL with AUTH_DEMO_LOGIN=%s', (flag) => {
    expect(parseEnv({ DATABASE_URL: 'postgres://localhost/fair', AUTH_DEMO_LOGIN: flag }).demoLogin).toBe(true);
  });

  it.each(['0', 'false'])('turns demo sign-in off on the embedded database with AUTH_DEMO_LOGIN=%s', (flag) => {
    const e = parseEnv({ AUTH_DEMO_LOGIN: flag });
    expect(e.isEmbedded).toBe(true);
    expect(e.demoLogin).toBe(false);
  });

  it('rejects a flag that is not 0/1/true/false', () => {
    expect(() => parseEnv({ AUTH_DEMO_LOGIN: 'yes' })).toThrow(/AUTH_DEMO_LOGIN/);
  });

  it('parses ADMIN_EMAILS trimmed, lowercased, without blanks', () => {
    expect(parseEnv({ ADMIN_EMAILS: ' Ada@Example.com, ,BOB@x.test,' }).adminEmails).toEqual(['ada@example.com', 'bob@x.test']);
  });

  it('configures LiveKit only when URL, key and secret are all set', () => {
    const all = { LIVEKIT_URL: 'wss://lk.example', LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'secret' };
    expect(parseEnv(all).livekit).toEqual({ url: 'wss://lk.example', apiKey: 'key', apiSecret: 'secret' });
    expect(parseEnv({ ...all, LIVEKIT_API_SECRET: undefined }).livekit).toBeUndefined();
    expect(parseEnv({ ...all, LIVEKIT_URL: '' }).livekit).toBeUndefined();
    expect(parseEnv({ LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'secret' }).livekit).toBeUndefined();
  });

  it('configures an OAuth provider only with both id and secret', () => {
    const e = parseEnv({ AUTH_GITHUB_ID: 'gh', AUTH_GITHUB_SECRET: 's', AUTH_GOOGLE_ID: 'g' });
    expect(e.oauth.github).toEqual({ id: 'gh', secret: 's' });
    expect(e.oauth.google).toBeUndefined();
  });

  it('takes the demo fair\'s first day from SEED_DEMO_FIRST_DAY, a date or nothing', () => {
    expect(parseEnv({}).seedDemoFirstDay).toBeUndefined();
    expect(parseEnv({ SEED_DEMO_FIRST_DAY: ' ' }).seedDemoFirstDay).toBeUndefined();
    expect(parseEnv({ SEED_DEMO_FIRST_DAY: '2026-12-01' }).seedDemoFirstDay).toBe('2026-12-01');
    expect(() => parseEnv({ SEED_DEMO_FIRST_DAY: 'tomorrow' })).toThrow(/SEED_DEMO_FIRST_DAY: SEED_DEMO_FIRST_DAY must be a date like 2026-12-01/);
  });

  it('throws naming DATABASE_URL when it is not a URL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'not a url' })).toThrow(/Invalid environment:[\s\S]*DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL/);
  });
});

describe('DATABASE_URL scheme', () => {
  it('refuses a URL that is not PostgreSQL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://root@localhost/db' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('accepts postgresql:// as well', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@localhost/db' }).isEmbedded).toBe(false);
  });
});

describe('the public origin (issue 9, item 5)', () => {
  it('is AUTH_URL reduced to its origin', () => {
    expect(parseEnv({ AUTH_URL: 'https://fair.example.org/' }).publicOrigin).toBe('https://fair.example.org');
  });

  it('falls back to this machine on its port when AUTH_URL is unset', () => {
    expect(parseEnv({}).publicOrigin).toBe('http://localhost:3000');
    expect(parseEnv({ PORT: '8080' }).publicOrigin).toBe('http://localhost:8080');
  });

  it('refuses an AUTH_URL that is not an http(s) address', () => {
    expect(() => parseEnv({ AUTH_URL: 'fair.example.org' })).toThrow(/AUTH_URL must be the site's public address/);
  });

  it('refuses to start in production without AUTH_URL', () => {
    const prod = parseEnv({ DATABASE_URL: 'postgres://u:p@localhost:5432/fair' });
    expect(() => assertPublicOrigin(prod, 'production')).toThrow(/AUTH_URL is required in production/);
    expect(() => assertPublicOrigin(parseEnv({ DATABASE_URL: 'postgres://u:p@localhost:5432/fair', AUTH_URL: 'https://fair.example.org' }), 'production')).not.toThrow();
    expect(() => assertPublicOrigin(parseEnv({ AUTH_DEMO_LOGIN: '0' }), 'production')).toThrow(/AUTH_URL is required/);
  });

  it('lets the demo on one machine and development start without it', () => {
    expect(() => assertPublicOrigin(parseEnv({}), 'production')).not.toThrow();
    expect(() => assertPublicOrigin(parseEnv({ DATABASE_URL: 'postgres://u:p@localhost:5432/fair' }), 'development')).not.toThrow();
  });
});
