// POST /api/desks/conversations/:id/files — share a file (multipart field "file") in a desk conversation
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { MAX_FILE_BYTES, storeDeskFile } from '@/lib/desks/share-file';
import { AppError } from '@/lib/errors';
import { withAuth } from '@/lib/http/route';

export const POST = withAuth<{ params: Promise<{ conversationId: string }> }>(async (req, { params, user }) => {
  const { conversationId } = await params;
  // Refuse a body that is too large before reading it (a little room for the multipart framing).
  if (Number(req.headers.get('content-length') ?? 0) > MAX_FILE_BYTES + 64 * 1024) throw new AppError('invalid_input', 'Files can be at most 10 MB. Choose a smaller one.');
  const form = await req.formData().catch(() => null);
  const file = form?.get('file');
  if (!(file instanceof File)) throw new AppError('invalid_input', 'Choose a file to share.');
  const result = await storeDeskFile(getDb(), user, { conversationId, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return NextResponse.json({ ok: true, ...result }, { status: 201 });
});
