import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, type Db, type DbOrTx } from '@/db/client';
import { availability, chatAttendance, chatRequests, events, slots, users } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { notify } from '@/lib/notifications/notify';
import { refundCredit } from './credits';
import { inTx } from '@/lib/tx/in-tx';

type TCompleted = {
  id: string;
  event_id: string;
  company_id: string;
  slug: string;
  talent_id: string;
  recruiter_id: string;
  recruiter_name: string | null;
  initiated_by: 'talent' | 'recruiter';
  talent_no_show: boolean | null;
  recruiter_no_show: boolean | null;
};

/**
 * Confirmed chats whose time is over become completed (run by a job every minute and by the
 * LiveKit webhook; idempotent). With video configured, a virtual chat's side that never joined
 * within the event's grace period is a no-show; the recruiter's side counts colleagues added to
 * the chat. A talent who spent a credit gets it back when the recruiter's side did not show.
 */
export async function completeChats(db: Db, now = new Date(), opts: { video?: boolean; chatId?: string } = {}): Promise<number> {
  return inTx(db, (tx) => completeChatsIn(tx, now, opts));
}

export async function completeChatsIn(tx: DbOrTx, now: Date, { video = false, chatId }: { video?: boolean; chatId?: string }): Promise<number> {
  const attended = (side: ReturnType<typeof sql>) => sql`exists (
    select 1 from ${chatAttendance} a
    where a.chat_id = c.id and ${side} and a.joined_at < c.starts_at + make_interval(mins => e.no_show_grace_minutes))`;
  const isVideo = sql`(${sql.raw(video ? 'true' : 'false')} and coalesce(av.mode, 'virtual') = 'virtual')`;
  const done = await executeRows<TCompleted>(tx, sql`
    update ${chatRequests} c set
      status = 'completed',
      updated_at = ${now.toISOString()}::timestamptz,
      talent_no_show = case when ${isVideo} then not ${attended(sql`a.user_id = c.talent_id`)} end,
      recruiter_no_show = case when ${isVideo} then not ${attended(sql`a.role in ('recruiter', 'colleague')`)} end
    from ${events} e, ${chatRequests} c0
      left join ${slots} s on s.id = c0.slot_id
      left join ${availability} av on av.event_day_id = s.event_day_id and av.recruiter_id = s.recruiter_id
    where c0.id = c.id and e.id = c.event_id and c.status = 'confirmed' and c.ends_at <= ${now.toISOString()}::timestamptz
      ${chatId ? sql`and c.id = ${chatId}` : sql``}
    returning c.id, c.event_id, c.company_id, e.slug, c.talent_id, c.recruiter_id, c.initiated_by, c.talent_no_show, c.recruiter_no_show,
      (select name from ${users} u where u.id = c.recruiter_id) as recruiter_name`);
  for (const c of done) {
    if (c.recruiter_no_show && c.initiated_by === 'talent') {
      await refundCredit(tx, { eventId: c.event_id, userId: c.talent_id, kind: 'talent', requestId: c.id, reason: 'recruiter no-show' });
      await notify(tx, {
        userId: c.talent_id,
        eventId: c.event_id,
        kind: 'chat.no_show',
        title: `${c.recruiter_name ?? 'The recruiter'} did not join your 1-1 chat`,
        body: 'Your request has been given back, so you can book or request another chat.',
        href: `/events/${c.slug}/chats`,
      });
    }
    await publishHint(tx, topics.user(c.talent_id), { chat: c.id });
    await publishHint(tx, topics.user(c.recruiter_id), { chat: c.id });
  }
  // The companies' team pages and the organizers' overview; nothing talents see of open
  // recruiters changes (a finished chat's slot was in the past already).
  for (const team of new Set(done.map((c) => `${c.event_id} ${c.company_id}`))) {
    const [eventId, companyId] = team.split(' ') as [string, string];
    await publishHint(tx, topics.team(eventId, companyId), { completed: 1 });
  }
  for (const eventId of new Set(done.map((c) => c.event_id))) await publishHint(tx, topics.eventAdmin(eventId), { completed: 1 });
  return done.length;
}
