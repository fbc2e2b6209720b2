import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { chatRequests, events, recruiterChatSettings, slots } from '@/db/schema';
import { AppError } from '@/lib/errors';

export type TEventRow = typeof events.$inferSelect;
type TChatRow = typeof chatRequests.$inferSelect;

export async function loadEvent(db: DbOrTx, eventId: string): Promise<TEventRow> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new AppError('not_found', 'This event does not exist.');
  return event;
}

/**
 * The organizer's rule on who may start a chat: why `who` may not start one now, or null.
 * The one definition: use-cases assert it (assertMayInitiate), pages show it (mayInitiate).
 */
export function initiateBlock(event: Pick<TEventRow, 'status' | 'chatInitiation'>, who: 'talent' | 'recruiter'): AppError | null {
  if (event.status === 'ended' || event.status === 'draft') return new AppError('not_allowed_now', 'This event is not open for 1-1 chats.');
  const allowed = event.chatInitiation === 'both' || event.chatInitiation === (who === 'talent' ? 'talents' : 'recruiters');
  if (!allowed) return new AppError('forbidden', who === 'talent' ? 'In this event, recruiters invite talents to 1-1 chats.' : 'In this event, talents start 1-1 chats.');
  return null;
}

export function mayInitiate(event: Pick<TEventRow, 'status' | 'chatInitiation'>, who: 'talent' | 'recruiter'): boolean {
  return initiateBlock(event, who) === null;
}

/** Enforced here for every entry point. */
export function assertMayInitiate(event: Pick<TEventRow, 'status' | 'chatInitiation'>, who: 'talent' | 'recruiter'): void {
  const block = initiateBlock(event, who);
  if (block) throw block;
}

/** A chat needs two people: a recruiter registered as a talent in their own event cannot book or ask themselves. */
export function assertNotSelf(talentId: string, recruiterId: string): void {
  if (talentId === recruiterId) throw new AppError('not_allowed_now', 'You cannot have a 1-1 chat with yourself. Pick another recruiter or talent.');
}

/**
 * A talent who spent a credit on a chat gets it back when the recruiter's side calls the chat
 * off (accepted or confirmed): they did nothing to lose it. A talent who cancels keeps it spent.
 */
export function refundsTalentOnCancel(chat: Pick<TChatRow, 'initiatedBy'>, cancelledByTalent: boolean): boolean {
  return chat.initiatedBy === 'talent' && !cancelledByTalent;
}

/** Talents see a recruiter only once that recruiter confirmed availability. */
export async function openSettings(db: DbOrTx, eventId: string, recruiterId: string) {
  const [s] = await db
    .select()
    .from(recruiterChatSettings)
    .where(and(eq(recruiterChatSettings.eventId, eventId), eq(recruiterChatSettings.recruiterId, recruiterId)));
  if (!s?.confirmedAt) throw new AppError('not_allowed_now', 'This recruiter is not taking 1-1 chats right now.');
  return s;
}

/** A slot that can still be picked: it exists, belongs to the recruiter, and has not started. */
export async function loadFutureSlot(db: DbOrTx, slotId: string, recruiterId: string, now: Date) {
  const [slot] = await db.select().from(slots).where(eq(slots.id, slotId));
  if (!slot || slot.recruiterId !== recruiterId) throw new AppError('not_found', 'That slot does not exist any more — pick another.');
  if (slot.startsAt.getTime() <= now.getTime()) throw new AppError('not_allowed_now', 'That slot has already started — pick a later one.');
  return slot;
}

/** The clash error as the talent reads it when they are the one picking the time. */
export function inTalentWords(err: unknown): never {
  if (err instanceof AppError && err.code === 'time_clash') {
    throw new AppError('time_clash', 'You already have a 1-1 chat at that time — pick another slot.', { slotId: 'Clashes with another of your chats' });
  }
  throw err;
}

/** A confirmed chat whose start has passed is under way (or over): it can no longer be moved or cancelled. */
export function assertNotStarted(chat: { status: string; startsAt: Date | null }, now: Date): void {
  if (chat.status === 'confirmed' && chat.startsAt && chat.startsAt.getTime() <= now.getTime()) {
    throw new AppError('not_allowed_now', 'This chat has already started, so it can no longer be moved or cancelled. Join it, or leave a message in its call.');
  }
}
