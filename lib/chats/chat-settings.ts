import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { recruiterChatSettings, slots } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { hintRecruiterChanged } from './hints';
import { canManageAvailabilityOf } from './permissions';
import { ZChatSettingsInput } from './schemas';
import { inTx } from '@/lib/tx/in-tx';

async function assertManages(db: Db, actor: TActor | null, recruiterId: string, eventId: string): Promise<TActor> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  if (!(await canManageAvailabilityOf(db, actor, recruiterId, eventId))) {
    throw new AppError('forbidden', 'You can change your own 1-1 chat settings, or as a company admin your colleagues’.');
  }
  return actor;
}

/** Booking mode and the optional details talents see; stays editable after confirming. */
export async function updateChatSettings(db: Db, actor: TActor | null, eventId: string, input: unknown): Promise<Record<string, never>> {
  const data = parseInput(ZChatSettingsInput, input);
  const recruiterId = data.recruiterId ?? actor?.id ?? '';
  await assertManages(db, actor, recruiterId, eventId);
  const { recruiterId: _r, ...values } = data;
  await inTx(db, async (tx) => {
    await tx
      .insert(recruiterChatSettings)
      .values({ eventId, recruiterId, ...values })
      .onConflictDoUpdate({ target: [recruiterChatSettings.eventId, recruiterChatSettings.recruiterId], set: { ...values, updatedAt: new Date() } });
    await hintRecruiterChanged(tx, eventId, recruiterId);
  });
  return {};
}

/** Makes the recruiter visible to talents; needs at least one slot so there is something to book. */
export async function confirmAvailability(db: Db, actor: TActor | null, eventId: string, recruiterId?: string): Promise<Record<string, never>> {
  const who = recruiterId ?? actor?.id ?? '';
  await assertManages(db, actor, who, eventId);
  const [any] = await db.select({ id: slots.id }).from(slots).where(and(eq(slots.eventId, eventId), eq(slots.recruiterId, who))).limit(1);
  if (!any) throw new AppError('not_allowed_now', 'Select at least one slot before confirming your availability.');
  await inTx(db, async (tx) => {
    await tx
      .insert(recruiterChatSettings)
      .values({ eventId, recruiterId: who, confirmedAt: new Date() })
      .onConflictDoUpdate({ target: [recruiterChatSettings.eventId, recruiterChatSettings.recruiterId], set: { confirmedAt: new Date(), updatedAt: new Date() } });
    await hintRecruiterChanged(tx, eventId, who);
  });
  return {};
}
