import 'server-only';
import { z } from 'zod';
import { parseDatabaseEnv } from '@/db/database-env';

const ZFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const ZOptional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const ZEnv = z.object({
  AUTH_SECRET: ZOptional,
  AUTH_URL: ZOptional.pipe(z.url({ protocol: /^https?$/, message: 'AUTH_URL must be the site\'s public address, like https://fair.example.org' }).optional()),
  PORT: ZOptional,
  AUTH_DEMO_LOGIN: ZFlag.optional(),
  SEED_DEMO: ZFlag.optional(),
  SEED_DEMO_FIRST_DAY: ZOptional.pipe(z.iso.date({ message: 'SEED_DEMO_FIRST_DAY must be a date like 2026-12-01' }).optional()),
  ADMIN_EMAILS: ZOptional,
  SMTP_URL: ZOptional,
  MAIL_FROM: ZOptional,
  AUTH_GITHUB_ID: ZOptional,
  AUTH_GITHUB_SECRET: ZOptional,
  AUTH_GOOGLE_ID: ZOptional,
  AUTH_GOOGLE_SECRET: ZOptional,
  LIVEKIT_URL: ZOptional,
  LIVEKIT_API_KEY: ZOptional,
  LIVEKIT_API_SECRET: ZOptional,
});

export type TEnv = {
  databaseUrl: string | undefined;
  isEmbedded: boolean;
  dataDir: string;
  pgliteDir: string;
  migrationsDir: string;
  authSecret: string | undefined;
  appUrl: string | undefined;
  /** Where people reach this site: AUTH_URL's origin, or http://localhost:PORT when it is unset. */
  publicOrigin: string;
  demoLogin: boolean;
  seedDemo: boolean;
  /** The demo fair's first day (YYYY-MM-DD); unset → today in the demo event's zone when it is seeded. */
  seedDemoFirstDay: string | undefined;
  adminEmails: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  oauth: { github?: { id: string; secret: string }; google?: { id: string; secret: string } };
  livekit: { url: string; apiKey: string; apiSecret: string } | undefined;
};

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const d = parseDatabaseEnv(source);
  const isEmbedded = !d.databaseUrl;
  const pair = (id?: string, secret?: string) => (id && secret ? { id, secret } : undefined);
  return {
    ...d,
    isEmbedded,
    authSecret: e.AUTH_SECRET,
    appUrl: e.AUTH_URL,
    publicOrigin: e.AUTH_URL ? new URL(e.AUTH_URL).origin : `http://localhost:${e.PORT ?? '3000'}`,
    // The demo sign-in lets anyone be anyone: on by default only on the embedded database.
    demoLogin: e.AUTH_DEMO_LOGIN ?? isEmbedded,
    seedDemo: e.SEED_DEMO ?? isEmbedded,
    seedDemoFirstDay: e.SEED_DEMO_FIRST_DAY,
    adminEmails: (e.ADMIN_EMAILS ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'Fairground <no-reply@fairground.local>',
    oauth: {
      github: pair(e.AUTH_GITHUB_ID, e.AUTH_GITHUB_SECRET),
      google: pair(e.AUTH_GOOGLE_ID, e.AUTH_GOOGLE_SECRET),
    },
    livekit:
      e.LIVEKIT_URL && e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET
        ? { url: e.LIVEKIT_URL, apiKey: e.LIVEKIT_API_KEY, apiSecret: e.LIVEKIT_API_SECRET }
        : undefined,
  };
}

/**
 * A server that others use must know its public address: links in mails and calendar files
 * are built from it, and guessing would send people to http://localhost. "Others use it" means
 * a production build without the demo sign-in (the demo is for trying Fairground on one's own
 * machine). Called at boot, which then refuses to start.
 */
export function assertPublicOrigin(e: Pick<TEnv, 'appUrl' | 'demoLogin'>, nodeEnv = process.env.NODE_ENV): void {
  if (nodeEnv === 'production' && !e.demoLogin && !e.appUrl) {
    throw new Error('AUTH_URL is required in production: set it to the address people open, e.g. AUTH_URL=https://fair.example.org (see docs/configuration.md).');
  }
}

let cached: TEnv | undefined;

export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
