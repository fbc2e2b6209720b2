import type { Db } from '@/db/client';
import { registrations, users } from '@/db/schema';

const CHUNK = 500;

/** Users with these ids (name = id, e-mail `<id>@bench.test`), in chunks. */
export async function createPeople(db: Db, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db.insert(users).values(ids.slice(i, i + CHUNK).map((id) => ({ id, name: id, email: `${id}@bench.test` })));
  }
}

/** Registers the users for the event in one role, in chunks. */
export async function registerPeople(db: Db, eventId: string, ids: string[], role: 'talent' | 'recruiter'): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db.insert(registrations).values(ids.slice(i, i + CHUNK).map((userId) => ({ eventId, userId, role })));
  }
}

/** How the bench's people appear to mintSessionCookies. */
export const benchPerson = (id: string) => ({ id, name: id, email: `${id}@bench.test` });
