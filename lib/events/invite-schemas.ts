import { z } from 'zod';

const ZEmail = z.string().trim().max(254, 'An e-mail address has at most 254 characters').toLowerCase().pipe(z.email({ message: 'Enter a valid e-mail address' }));
const ZPersonName = z.string().trim().max(80, 'Keep the name under 80 characters').default('');

export const ZInviteCompanyInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('new'),
    companyName: z.string().trim().min(2, 'Enter the company name').max(80, 'Keep the name under 80 characters'),
    adminEmail: ZEmail,
    adminName: ZPersonName,
  }),
  z.object({ kind: z.literal('existing'), companyId: z.uuid({ message: 'Pick a company' }) }),
]);

export const ZInviteRecruiterInput = z.object({
  companyId: z.uuid({ message: 'Pick a company' }),
  email: ZEmail,
  name: ZPersonName,
  role: z.enum(['admin', 'recruiter']).default('recruiter'),
});

export type TInviteCompanyInput = z.infer<typeof ZInviteCompanyInput>;
export type TInviteRecruiterInput = z.infer<typeof ZInviteRecruiterInput>;
