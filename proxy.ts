// Every page gets a Content-Security-Policy with a fresh nonce, which Next.js reads from the
// request header and puts on its own scripts. Not an access check (those live in lib/).
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/http/security-headers';
import { oauthProviders } from '@/lib/auth/providers-list';
import { env } from '@/lib/env';

export function proxy(request: NextRequest) {
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
