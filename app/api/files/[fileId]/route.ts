// GET /api/files/:fileId — a shared file, as an attachment, for people who may read its conversation
import { getDb } from '@/db/client';
import { readSharedFile } from '@/lib/files/read-file';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ fileId: string }> }>(async (_req, { params, user }) => {
  const { fileId } = await params;
  const file = await readSharedFile(getDb(), user, { fileId });
  return new Response(new Uint8Array(file.data), {
    headers: {
      'content-type': file.type,
      // Always a download, never rendered in our origin; the name is ASCII-safe and UTF-8 encoded.
      'content-disposition': `attachment; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
});
