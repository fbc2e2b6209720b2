import 'server-only';
import type { DbOrTx } from '@/db/client';
import { recruiterMembership } from '@/lib/chats/permissions';
import type { TViewer } from './view';

/** The viewer of a session list, from what the event page already loaded. */
export async function sessionViewer(db: DbOrTx, user: { id: string } | null, eventId: string, roles: string[], canManage: boolean): Promise<TViewer | null> {
  if (!user) return null;
  const membership = roles.includes('recruiter') ? await recruiterMembership(db, user.id, eventId) : undefined;
  return { id: user.id, isRegistered: roles.length > 0, isOrganizer: canManage, companyId: membership?.companyId ?? null };
}
