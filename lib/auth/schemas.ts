import { z } from 'zod';

/** Only same-site paths: a sign-in link must never bounce a person to another site. */
export const ZCallbackUrl = z
  .string()
  .optional()
  // Control characters and backslashes are refused outright: browsers read '/\t/x' as '//x'.
  .transform((v) => (v && /^\/(?![/\\])/.test(v) && !/[\u0000-\u001f\u007f\\]/.test(v) ? v : '/'));

export const ZEmailSignIn = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'Enter a valid e-mail address, like name@example.com' })),
  callbackUrl: ZCallbackUrl,
});

export const ZDemoSignIn = z.object({ userId: z.string().regex(/^demo-[a-z0-9-]+$/, 'Pick a demo person'), callbackUrl: ZCallbackUrl });
