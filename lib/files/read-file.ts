import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { files, threads } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { accessTo, requirePermission } from '@/lib/resources';
import { parseInput } from '@/lib/validation';
import { z } from 'zod';

const ZFileId = z.object({ fileId: z.uuid('Unknown file') });

/** A shared file, for someone who may read the conversation it was shared in. */
export async function readSharedFile(db: DbOrTx, actor: TActor | null, input: unknown) {
  const { fileId } = parseInput(ZFileId, input);
  const [row] = await db
    .select({ name: files.name, type: files.type, data: files.data, kind: threads.kind, ownerId: threads.ownerId })
    .from(files)
    .innerJoin(threads, eq(threads.id, files.threadId))
    .where(eq(files.id, fileId));
  if (!row) throw new AppError('not_found', 'This file does not exist any more.');
  const access = await accessTo(db, actor, row.kind, row.ownerId);
  requirePermission(access, 'thread.read', 'Only the people in this conversation can open its files.');
  return { name: row.name, type: row.type, data: row.data };
}
