import 'server-only';
import { sql } from 'drizzle-orm';
import { preparedStatement, type DbOrTx } from '@/db/client';
import type { TEventRow } from './chat-rules';

type TRow = {
  slot_id: string;
  recruiter_id: string;
  starts_at: string | Date;
  ends_at: string | Date;
  event_id: string;
  slug: string;
  name: string;
  time_zone: string;
  status: TEventRow['status'];
  chat_initiation: TEventRow['chatInitiation'];
  talent_request_credits: number;
  booking_mode: 'direct' | 'selective' | null;
  is_confirmed: boolean;
  company_id: string | null;
  company_name: string | null;
  is_registered: boolean;
  talent_id: string | null;
  talent_name: string | null;
  talent_email: string | null;
  recruiter_name: string | null;
  recruiter_email: string | null;
  chat_mode: 'virtual' | 'in_person' | null;
  day_location: string | null;
};

// Plain SQL rather than the query builder: every booking attempt in a rush runs this, and
// building a select this size in drizzle costs more node CPU than PostgreSQL spends running it.
const selectContext = preparedStatement<TRow>(
  'booking_context',
  sql`select s.id as slot_id, s.recruiter_id, s.starts_at, s.ends_at,
        e.id as event_id, e.slug, e.name, e.time_zone, e.status, e.chat_initiation, e.talent_request_credits,
        rs.booking_mode, rs.confirmed_at is not null as is_confirmed,
        ec.company_id, co.name as company_name,
        exists (select 1 from registrations r
                where r.event_id = s.event_id and r.user_id = ${sql.placeholder('talentId')} and r.role = 'talent') as is_registered,
        t.id as talent_id, t.name as talent_name, t.email as talent_email,
        ru.name as recruiter_name, ru.email as recruiter_email,
        a.mode as chat_mode, d.location as day_location
      from slots s
      join event_days d on d.id = s.event_day_id
      left join availability a on a.event_day_id = s.event_day_id and a.recruiter_id = s.recruiter_id
      join events e on e.id = s.event_id
      join users ru on ru.id = s.recruiter_id
      left join users t on t.id = ${sql.placeholder('talentId')}
      left join recruiter_chat_settings rs on rs.event_id = s.event_id and rs.recruiter_id = s.recruiter_id
      left join company_members m on m.user_id = s.recruiter_id
      left join event_companies ec on ec.company_id = m.company_id and ec.event_id = s.event_id
      left join companies co on co.id = ec.company_id
      where s.id = ${sql.placeholder('slotId')}
      -- A recruiter in several companies: the one taking part in this event comes first.
      order by ec.company_id nulls last
      limit 1`,
);

/**
 * Everything a direct booking checks before it writes, and the names its messages need, in one
 * round trip: the slot, its event, the recruiter's settings and company in that event, whether
 * the talent is registered, and both people. Undefined when the slot does not exist.
 */
export async function loadBookingContext(db: DbOrTx, slotId: string, talentId: string) {
  const [r] = await selectContext(db, { slotId, talentId });
  if (!r) return undefined;
  return {
    // The drivers hand timestamps over as text here; Date parses PostgreSQL's form, as drizzle does.
    slot: { id: r.slot_id, recruiterId: r.recruiter_id, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) },
    event: { id: r.event_id, slug: r.slug, name: r.name, timeZone: r.time_zone, status: r.status, chatInitiation: r.chat_initiation, talentRequestCredits: r.talent_request_credits },
    bookingMode: r.booking_mode,
    isConfirmed: r.is_confirmed,
    companyId: r.company_id,
    company: r.company_name ? { name: r.company_name } : null,
    isTalentRegistered: r.is_registered,
    talent: r.talent_id ? { id: r.talent_id, name: r.talent_name, email: r.talent_email } : null,
    recruiter: { id: r.recruiter_id, name: r.recruiter_name, email: r.recruiter_email },
    place: { mode: r.chat_mode, location: r.day_location },
  };
}
