// GET/POST /api/auth/* — Auth.js (magic links, OAuth, demo sign-in)
import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { env } from '@/lib/env';
import { requestOrigin } from '@/lib/http/request-origin';

// Without AUTH_URL, Next gives route handlers a URL on its own listen host ("localhost"), not the
// host the browser used (say 127.0.0.1): Auth.js would then set the session cookie and resolve
// the callback URL for the other spelling, and the person would land signed out on "/".
// (req.url is what Auth.js reads; req.nextUrl may already show the Host header, so it is not compared.)
function asRequested(req: NextRequest): NextRequest {
  if (env().publicOriginConfigured) return req;
  const url = new URL(req.url);
  const origin = requestOrigin(req.headers, url.protocol);
  if (!origin || origin === url.origin) return req;
  return new NextRequest(`${origin}${url.pathname}${url.search}`, req);
}

export const GET = (req: NextRequest) => handlers.GET(asRequested(req));
export const POST = (req: NextRequest) => handlers.POST(asRequested(req));
