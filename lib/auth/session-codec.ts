import 'server-only';
import { decode, encode } from 'next-auth/jwt';
import { rememberingCodec } from './jwt-cache';

/**
 * The session cookie's codec of this process, with its memory: Auth.js's config (sign-in and
 * sign-out) and the one-statement user read of pages, route handlers and actions share it, so a cookie
 * is decrypted once per process whichever door it comes through.
 */
export const sessionCodec = rememberingCodec({ encode, decode });
