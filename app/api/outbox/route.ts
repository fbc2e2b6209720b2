// GET /api/outbox — stored mails this person may read (organizers; everyone in demo mode)
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { withAuth } from '@/lib/http/route';
import { listOutbox } from '@/lib/mail/queries';

export const GET = withAuth(async (_req, { user }) => {
  const mails = await listOutbox(getDb(), user);
  if (!mails) throw new AppError('forbidden', 'Only organizers can read the outbox.');
  return NextResponse.json({ mails });
});
