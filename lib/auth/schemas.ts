import { z } from 'zod';

/** Only same-site paths: a sign-in link must never bounce a person to another site. */
export const ZCallbackUrl = z
  .string()
  .optional()
  // Control characters and backslashes are refused outright: browsers read '/\t/x' as '//x'.
  .transform((v) => (v && /^\/(?![/\\])/.test(v) && !/[\u0000-\u001f\u007f\\]/.test(v) ? v : '/'));

/** RFC 5321 leaves 254 characters for an address; anything longer is not one, and is not stored. */
export const MAX_EMAIL_LENGTH = 254;

export const ZEmailAddress = z
  .string()
  .trim()
  .max(MAX_EMAIL_LENGTH, `An e-mail address has at most ${MAX_EMAIL_LENGTH} characters`)
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid e-mail address, like name@example.com' }));

export const ZEmailSignIn = z.object({
  email: ZEmailAddress,
  callbackUrl: ZCallbackUrl,
});

export const ZDemoSignIn = z.object({ userId: z.string().regex(/^demo-[a-z0-9-]+$/, 'Pick a demo person'), callbackUrl: ZCallbackUrl });
