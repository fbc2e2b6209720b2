// GET /api/live?topics=a,b — Server-Sent Events: hints about the topics this person may see
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { withAuth } from '@/lib/http/route';
import { canSeeTopic } from '@/lib/live/access';
import { subscribe } from '@/lib/live/hub';
import { ZTopicList } from '@/lib/live/topics';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 25_000;
const encoder = new TextEncoder();

export const GET = withAuth(async (req, { user }) => {
  const parsed = ZTopicList.safeParse(new URL(req.url).searchParams.get('topics') ?? '');
  if (!parsed.success) throw new AppError('invalid_input', `Bad topics: ${parsed.error.issues[0]?.message}`);
  const db = getDb();
  for (const topic of parsed.data) {
    if (!(await canSeeTopic(db, user, topic))) throw new AppError('forbidden', `You may not follow ${topic}.`);
  }

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (frame: Uint8Array) => {
        try {
          controller.enqueue(frame);
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribe(parsed.data, send);
      const heartbeat = setInterval(() => send(encoder.encode(': ping\n\n')), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });
      // Tells the browser it is subscribed, and how soon to retry after a drop.
      send(encoder.encode(`retry: 2000\nevent: ready\ndata: {}\n\n`));
    },
    cancel() {
      cleanup();
    },
  });

  return new NextResponse(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps compression (and proxies) from buffering the stream.
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});
