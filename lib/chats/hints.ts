import 'server-only';
import type { DbOrTx } from '@/db/client';
import { publishHints } from '@/lib/live/publish';
import { topics, type THint } from '@/lib/live/topics';
import { recruiterMembership } from './permissions';

/**
 * The hints of a change to one recruiter's availability or settings, inside its transaction:
 * talents' open-recruiter lists (that one entry), the recruiter's own pages (a company admin
 * may have made the change) and their company's team pages.
 */
export async function hintRecruiterChanged(tx: DbOrTx, eventId: string, recruiterId: string): Promise<void> {
  const membership = await recruiterMembership(tx, recruiterId, eventId);
  const hints: THint[] = [
    { topic: topics.openRecruiters(eventId), ids: { recruiter: recruiterId } },
    { topic: topics.user(recruiterId), ids: { availability: 1 } },
  ];
  if (membership) hints.push({ topic: topics.team(eventId, membership.companyId), ids: { recruiter: recruiterId } });
  await publishHints(tx, hints);
}
