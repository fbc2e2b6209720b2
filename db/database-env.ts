import 'server-only';
import { z } from 'zod';

const ZOptional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const ZDatabaseEnv = z.object({
  DATABASE_URL: ZOptional.pipe(z.url({ protocol: /^postgres(ql)?$/, message: 'DATABASE_URL must be a postgres:// URL' }).optional()),
  PGLITE_DIR: ZOptional,
  DATA_DIR: ZOptional,
  MIGRATIONS_DIR: ZOptional,
});

export type TDatabaseEnv = { databaseUrl: string | undefined; dataDir: string; pgliteDir: string; migrationsDir: string };

/**
 * Where the database is, from the environment. Here rather than in lib/env so that db/ needs
 * nothing above it (lib/env builds on this for the rest of the configuration).
 */
export function parseDatabaseEnv(source: Record<string, string | undefined>): TDatabaseEnv {
  const parsed = ZDatabaseEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = e.DATA_DIR ?? '.data';
  return { databaseUrl: e.DATABASE_URL, dataDir, pgliteDir: e.PGLITE_DIR ?? `${dataDir}/pglite`, migrationsDir: e.MIGRATIONS_DIR ?? 'db/migrations' };
}
