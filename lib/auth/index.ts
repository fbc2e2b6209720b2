import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { eq } from 'drizzle-orm';
import NextAuth, { AuthError, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import type { Provider } from 'next-auth/providers';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { env } from '@/lib/env';
import { sendMagicLink } from '@/lib/mail/magic-link';
import { AppError } from '@/lib/errors';
import { clientAddress, recordMagicLinkRequest } from './magic-link-limits';
import { ZEmailAddress } from './schemas';
import { sameSiteRedirect } from './redirect';
import { authSecret } from './secret';
import { sessionCodec } from './session-codec';
import { checkedSessionClaims, closeSession, openSession, SESSION_MAX_AGE_S, sessionVia } from './sessions';

/**
 * A refused magic link: an Auth.js error (so the sign-in action receives it, and the Auth.js
 * route redirects to /signin?error=AccessDenied) that carries our AppError as its cause.
 */
export class MagicLinkRefused extends AuthError {
  static type = 'AccessDenied' as const;
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

const ZDemoCredentials = z.object({ userId: z.string().min(1).max(64) });

function providers(): Provider[] {
  const e = env();
  const list: Provider[] = [
    {
      id: 'email',
      type: 'email',
      name: 'Email',
      maxAge: 24 * 60 * 60,
      // Runs before Auth.js stores anything: a 100 KB "address" is refused here, not stored.
      normalizeIdentifier: (identifier) => {
        const parsed = ZEmailAddress.safeParse(identifier.normalize('NFKC'));
        if (!parsed.success) throw new MagicLinkRefused(new AppError('invalid_input', parsed.error.issues[0]!.message));
        return parsed.data;
      },
      async sendVerificationRequest({ identifier, url, request }) {
        try {
          await recordMagicLinkRequest(getDb(), identifier, clientAddress(request.headers.get('x-forwarded-for')));
        } catch (err) {
          throw err instanceof AppError ? new MagicLinkRefused(err) : err;
        }
        await sendMagicLink(getDb(), identifier, url);
      },
    },
  ];
  if (e.oauth.github) list.push(GitHub({ clientId: e.oauth.github.id, clientSecret: e.oauth.github.secret }));
  if (e.oauth.google) list.push(Google({ clientId: e.oauth.google.id, clientSecret: e.oauth.google.secret }));
  if (e.demoLogin) {
    list.push(
      Credentials({
        id: 'demo',
        name: 'Demo sign-in',
        credentials: { userId: {} },
        async authorize(raw) {
          const parsed = ZDemoCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const [user] = await getDb().select().from(users).where(eq(users.id, parsed.data.userId));
          // Only seeded demo people: a real account is never reachable without its owner.
          if (!user || !user.isDemo) return null;
          return { id: user.id, name: user.name, email: user.email };
        },
      }),
    );
  }
  return list;
}

function config(): NextAuthConfig {
  const db = getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    // JWT cookies, because Auth.js refuses database sessions with a Credentials provider (the
    // demo sign-in). Each cookie names a row in `sessions`, checked in the jwt callback on every
    // request, so sign-out and turning demo mode off end a session wherever its cookie is.
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    // The cookie's cryptography, without repeating it for the same cookie; one memory per process,
    // shared with the one-statement user read of pages, route handlers and server actions.
    jwt: sessionCodec,
    secret: authSecret(),
    trustHost: true,
    providers: providers(),
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    callbacks: {
      // Same-site targets as paths: the person stays on the host where the cookie was set (lib/auth/redirect.ts).
      redirect: ({ url, baseUrl }) => sameSiteRedirect(url, baseUrl),
      async signIn({ user, account }) {
        // Seeded demo people are reachable only through the demo sign-in: with demo mode off,
        // a catch-all mailbox must not turn a seeded admin address into a way in.
        if (account?.provider !== 'email' || env().demoLogin || !user.email) return true;
        const [row] = await db.select({ isDemo: users.isDemo }).from(users).where(eq(users.email, user.email.toLowerCase()));
        return !row?.isDemo;
      },
      async jwt({ token, user, account, trigger }) {
        if (trigger === 'signIn' || trigger === 'signUp') {
          if (!user?.id) return null;
          return { ...token, sid: await openSession(db, user.id), via: sessionVia(account?.provider) };
        }
        // Returning null makes Auth.js treat the cookie as signed out (and clear it where it can);
        // a check the database could not answer marks the token instead (see checkedSessionClaims).
        return checkedSessionClaims(db, token, env().demoLogin);
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (token.unchecked === true) session.unchecked = true;
        return session;
      },
    },
    events: {
      async signOut(message) {
        if ('token' in message && message.token) await closeSession(db, message.token);
      },
      async signIn({ user }) {
        const email = user.email?.toLowerCase();
        if (user.id && email && env().adminEmails.includes(email)) {
          await db.update(users).set({ isAdmin: true }).where(eq(users.id, user.id));
        }
      },
    },
  };
}

declare module 'next-auth' {
  interface Session {
    /** The session could not be checked against the database on this request (lib/auth/sessions.ts). */
    unchecked?: boolean;
  }
}

// Lazy, so nothing touches the database or the secret while `next build` runs; built once per
// process on first use, as NextAuth(config) keeps a static config: everything in it is fixed for
// the process (env() is parsed once, getDb() is the process's database), and what Auth.js
// fills in on each use (setEnvDefaults: basePath, secret, providers' env ids) comes out the same.
let built: NextAuthConfig | undefined;
export const { handlers, auth, signIn, signOut } = NextAuth(() => (built ??= config()));
