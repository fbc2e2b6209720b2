import 'server-only';
import { sql } from 'drizzle-orm';
import { availability, chatRequests, slots } from '@/db/schema';

/**
 * How a chat takes place — the recruiter's mode on the day of the chat's slot — as a column for
 * any select from chat_requests. Null while the chat holds no slot (a request, or a cancelled chat).
 */
export const chatMode = sql<'virtual' | 'in_person' | null>`(
  select a.mode from ${slots} s
  join ${availability} a on a.event_day_id = s.event_day_id and a.recruiter_id = s.recruiter_id
  where s.id = ${chatRequests.slotId})`;
