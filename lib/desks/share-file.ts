import 'server-only';
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type/core';
import { sql } from 'drizzle-orm';
import { executeRows, type Db } from '@/db/client';
import { files } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { accessTo, requirePermission } from '@/lib/resources';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { z } from 'zod';
import { appendDeskMessage } from './post-desk-message';
import { loadDesk } from './queries';
import { lockDesk } from './queue';
import type { TConversationCtx } from './resource';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Images and documents, by what their bytes are (file-type), not by name or claimed type. */
export const SHAREABLE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
]);

const ZShareInput = z.object({
  conversationId: z.uuid('Unknown desk conversation'),
  name: z.string().trim().min(1, 'The file needs a name').max(200, 'Keep the file name under 200 characters'),
  bytes: z.instanceof(Uint8Array, { message: 'Choose a file' }),
});

/** Shares a file in a desk conversation (when the desk allows files): stored, then posted. */
export async function storeDeskFile(db: Db, actor: TActor | null, input: unknown): Promise<{ fileId: string; messageId: string }> {
  const data = parseInput(ZShareInput, input);
  const access = await accessTo(db, actor, 'desk_conversation', data.conversationId);
  requirePermission(access, 'thread.post', 'Only the participant and the desk’s moderators can share files here.');
  const ctx = access.ctx as TConversationCtx;
  const { desk } = await loadDesk(db, ctx.deskId);
  if (!desk.filesAllowed) throw new AppError('forbidden', 'This desk does not take files. Describe it in a message instead.');
  if (data.bytes.byteLength === 0) throw new AppError('invalid_input', 'That file is empty. Choose another one.');
  if (data.bytes.byteLength > MAX_FILE_BYTES) throw new AppError('invalid_input', 'Files can be at most 10 MB. Choose a smaller one.');
  const bytes = Buffer.from(data.bytes);
  const type = (await fileTypeFromBuffer(bytes))?.mime;
  if (!type || !SHAREABLE_TYPES.has(type)) throw new AppError('invalid_input', 'Share an image (PNG, JPEG, GIF, WebP) or a document (PDF, Word, Excel, PowerPoint, OpenDocument).');
  return inTx(db, async (tx) => {
    await lockDesk(tx, ctx.deskId);
    // The thread exists before its first message when that message is a file.
    const [thread] = await executeRows<{ id: string }>(
      tx,
      sql`insert into threads (kind, owner_id, event_id) values ('desk_conversation', ${ctx.id}, ${ctx.eventId})
          on conflict (kind, owner_id) do update set kind = excluded.kind returning id`,
    );
    const [file] = await tx
      .insert(files)
      .values({ threadId: thread!.id, ownerId: actor!.id, name: data.name, type, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), data: bytes })
      .returning({ id: files.id });
    const message = await appendDeskMessage(tx, { id: access.id, role: access.role, ctx }, { authorId: actor!.id, body: '', attachmentId: file!.id });
    return { fileId: file!.id, messageId: message.id };
  });
}
