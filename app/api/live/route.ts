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
// A stream this many frames behind (its socket stopped draining) is closed rather than left to
// grow: the browser reconnects and refetches, which is how a dropped hint is made good anyway.
const MAX_QUEUED_FRAMES = 1_000;
const encoder = new TextEncoder();
// Tells the browser it is subscribed, and how soon to retry after a drop.
const READY = encoder.encode('retry: 2000\nevent: ready\ndata: {}\n\n');
const PING = encoder.encode(': ping\n\n');

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
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      };
      const send = (frame: Uint8Array) => {
        try {
          controller.enqueue(frame);
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_FRAMES) close();
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribe(parsed.data, send);
      const heartbeat = setInterval(() => send(PING), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.signal.addEventListener('abort', close);
      // The browser may have left while we subscribed; then no abort event is coming.
      if (req.signal.aborted) return close();
      send(READY);
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
