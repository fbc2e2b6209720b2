// Every page gets a Content-Security-Policy with a fresh nonce, which Next.js reads from the
// request header and puts on its own scripts; server-action calls Next.js would answer with a
// 500 (cross-site, over 1 MB, unreadable) get their 4xx here. Not an access check (those live in lib/).
import { NextResponse, type NextRequest } from 'next/server';
import { refuseBadActionRequest } from '@/lib/http/action-guard';
import { contentSecurityPolicy } from '@/lib/http/security-headers';
import { oauthProviders } from '@/lib/auth/providers-list';
import { env } from '@/lib/env';

export async function proxy(request: NextRequest) {
  const refusal = await refuseBadActionRequest(request);
  if (refusal) return new NextResponse(refusal.message, { status: refusal.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy({
    nonce,
    livekitUrl: env().livekit?.url,
    oauth: oauthProviders().map((p) => p.id),
    isDev: process.env.NODE_ENV === 'development',
  });
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes answer JSON or streams, static files need no nonce.
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
