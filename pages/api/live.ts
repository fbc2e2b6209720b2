// GET /api/live?topics=a,b — Server-Sent Events: hints about the topics this person may see.
// A Pages Router API route on purpose: it writes to Node's response directly, where an App
// Router route handler moves every chunk of every stream through a web-stream pipeline, which
// bench/live.ts measured at about four times the CPU per hint.
import type { NextApiRequest, NextApiResponse } from 'next';
import { getDb } from '@/db/client';
import { auth } from '@/lib/auth';
import { loadActor } from '@/lib/auth/actor';
import type { TActor } from '@/lib/events/permissions';
import { AppError, STATUS_OF, toErrorBody } from '@/lib/errors';
import { canSeeTopic } from '@/lib/live/access';
import { followTopics } from '@/lib/live/follow';
import { ZTopicList, type TTopic } from '@/lib/live/topics';

export const config = { api: { bodyParser: false, responseLimit: false } };

const HEARTBEAT_MS = 25_000;
// A stream whose socket stopped draining is closed once this much waits in memory: the browser
// reconnects and refetches, which is how a dropped hint is made good anyway.
const MAX_BUFFERED_BYTES = 256 * 1024;
const encoder = new TextEncoder();
// Tells the browser it is subscribed, and how soon to retry after a drop.
const READY = encoder.encode('retry: 2000\nevent: ready\ndata: {}\n\n');
const PING = encoder.encode(': ping\n\n');

// A frame in its HTTP/1.1 chunk (size in hex, CRLF, data, CRLF), by frame: the hub hands the
// same frame to every stream of a topic, so it is framed once.
const framed = new WeakMap<Uint8Array, Buffer>();
const CRLF = Buffer.from('\r\n');
function onTheWire(frame: Uint8Array): Buffer {
  let chunk = framed.get(frame);
  if (!chunk) {
    chunk = Buffer.concat([Buffer.from(`${frame.byteLength.toString(16)}\r\n`, 'latin1'), frame, CRLF]);
    framed.set(frame, chunk);
  }
  return chunk;
}

async function authorize(req: NextApiRequest, res: NextApiResponse): Promise<{ topicList: TTopic[]; user: TActor }> {
  const session = await auth(req, res);
  const id = session?.user?.id;
  if (!id) throw new AppError('unauthorized', 'Please sign in to continue.');
  const db = getDb();
  const user = await loadActor(db, id);
  if (!user) throw new AppError('unauthorized', 'Please sign in to continue.');
  const parsed = ZTopicList.safeParse(typeof req.query.topics === 'string' ? req.query.topics : '');
  if (!parsed.success) throw new AppError('invalid_input', `Bad topics: ${parsed.error.issues[0]?.message}`);
  for (const topic of parsed.data) {
    if (!(await canSeeTopic(db, user, topic))) throw new AppError('forbidden', `You may not follow ${topic}.`);
  }
  return { topicList: parsed.data, user };
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return res.status(405).json({ ok: false, error: { code: 'invalid_input', message: 'Use GET.' } });
  }
  let topicList: TTopic[];
  let user: TActor;
  try {
    ({ topicList, user } = await authorize(req, res));
  } catch (err) {
    const error = toErrorBody(err);
    return res.status(STATUS_OF[error.code]).json({ ok: false, error });
  }

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform keeps compression (and proxies) from buffering the stream.
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // The headers go out now; from here on the frames are written to the socket directly (below).
  res.flushHeaders();
  const socket = res.socket;
  const chunked = res.chunkedEncoding;
  let closed = false;
  let cleanup = () => {};
  const close = () => {
    if (closed) return;
    closed = true;
    cleanup();
    // Ends the body as HTTP frames it (the last chunk of a chunked body).
    res.end();
  };
  // One socket write per frame: the frame as it goes on the wire (in its HTTP chunk) is built
  // once and shared by every stream it is sent to. res.write would cost each stream a cork, a
  // tick and a four-part writev (chunk size, CRLF, data, CRLF), through Next's compression
  // wrapper; with a thousand streams per hint that was most of the fan-out's CPU.
  const send = (frame: Uint8Array) => {
    // An empty chunk would end a chunked body.
    if (closed || frame.byteLength === 0) return;
    if (!socket || socket.destroyed) return close();
    socket.write(chunked ? onTheWire(frame) : frame);
    if (socket.writableLength > MAX_BUFFERED_BYTES) close();
  };
  req.on('close', close);
  // A topic this person lost sight of while the stream was open is named to the browser, which
  // stops following it, and the stream closes (a reconnect would be refused for that topic).
  const revoked = (topic: TTopic) => {
    if (closed) return;
    send(encoder.encode(`event: revoked\ndata: ${JSON.stringify({ topic })}\n\n`));
    close();
  };
  const unsubscribe = await followTopics(getDb(), user, topicList, send, revoked);
  const heartbeat = setInterval(() => send(PING), HEARTBEAT_MS);
  cleanup = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  // The browser may have left while we subscribed; then no close event is coming.
  if (req.destroyed) return close();
  send(READY);
}
