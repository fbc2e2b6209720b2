import 'server-only';
import type PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { anonymiseDueDesks } from '@/lib/desks/anonymise-desk';

export const DESK_RETENTION = 'desk-retention';

/**
 * The desks' GDPR clean-up: every hour, desks whose event ended longer ago than their
 * retention period are anonymised ('singleton': one sweep at a time across all instances).
 */
export async function registerDeskWorkers(boss: PgBoss, db: Db): Promise<void> {
  await boss.createQueue(DESK_RETENTION, { name: DESK_RETENTION, policy: 'singleton', retryLimit: 2, retryDelay: 300, expireInSeconds: 600 });
  await boss.work(DESK_RETENTION, { pollingIntervalSeconds: 30 }, async () => ({ anonymised: await anonymiseDueDesks(db) }));
  await boss.schedule(DESK_RETENTION, '17 * * * *');
}
