import 'server-only';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { magicLinkRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { inTx } from '@/lib/tx/in-tx';

/**
 * Sign-in links anyone can ask for: without limits one visitor mails a stranger hundreds of
 * times, or fills the outbox. Per address (protects the recipient) and per client address
 * (protects the server from one machine cycling through addresses).
 */
export const MAGIC_LINK_LIMITS = { windowMinutes: 60, perAddress: 5, perClient: 20 } as const;

/**
 * The client's address as the nearest proxy saw it: the last entry of X-Forwarded-For, which
 * `next start` sets from the socket when no proxy did, and a reverse proxy appends to.
 */
export function clientAddress(forwardedFor: string | null | undefined): string | null {
  const last = forwardedFor?.split(',').pop()?.trim();
  return last ? last.slice(0, 64) : null;
}

/**
 * Counts one more sign-in link for an address and a client, or throws rate_limited when either
 * had its fill in the window. Advisory locks on both keys make concurrent requests take turns,
 * so a burst cannot slip past the count.
 */
export async function recordMagicLinkRequest(db: Db, email: string, ip: string | null, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - MAGIC_LINK_LIMITS.windowMinutes * 60_000);
  await inTx(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`magic-link:${email}`}))`);
    if (ip) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`magic-link-ip:${ip}`}))`);
    const [byAddress] = await tx
      .select({ n: count() })
      .from(magicLinkRequests)
      .where(and(eq(magicLinkRequests.email, email), gt(magicLinkRequests.requestedAt, since)));
    if (byAddress!.n >= MAGIC_LINK_LIMITS.perAddress) {
      throw new AppError('rate_limited', `Several sign-in links went to this address in the last hour. Use the newest one, or ask again in an hour.`);
    }
    if (ip) {
      const [byClient] = await tx
        .select({ n: count() })
        .from(magicLinkRequests)
        .where(and(eq(magicLinkRequests.ip, ip), gt(magicLinkRequests.requestedAt, since)));
      if (byClient!.n >= MAGIC_LINK_LIMITS.perClient) {
        throw new AppError('rate_limited', 'Too many sign-in links were asked for from your network in the last hour. Try again later.');
      }
    }
    // Rows past the window count for nothing; this address's go as new ones come.
    await tx.delete(magicLinkRequests).where(and(eq(magicLinkRequests.email, email), lt(magicLinkRequests.requestedAt, since)));
    await tx.insert(magicLinkRequests).values({ email, ip, requestedAt: now });
  });
}
