import 'server-only';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '@/db/schema';

/**
 * The name a person is shown by, as SQL: their profile name, else their e-mail (people invited by
 * e-mail who never signed in have no name yet, and the address still says who), else "Someone"
 * (an account anonymised by the retention clean-up). Pass an aliased `users` table when one query
 * joins several people (a chat's talent and recruiter).
 */
export const displayName = (u: { name: AnyPgColumn; email: AnyPgColumn } = users) => sql<string>`coalesce(${u.name}, ${u.email}, 'Someone')`;
