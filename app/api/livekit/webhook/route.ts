// POST /api/livekit/webhook — LiveKit's room events (signed with our API secret), dispatched to the room's resource
import { WebhookReceiver } from 'livekit-server-sdk';
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { errorResponse } from '@/lib/http/json';
import { AppError } from '@/lib/errors';
import { recordRoomEvent } from '@/lib/resources';
import { requireVideoConfig } from '@/lib/video/video-config';

export async function POST(req: Request): Promise<Response> {
  try {
    const video = requireVideoConfig();
    const body = await req.text();
    const receiver = new WebhookReceiver(video.apiKey, video.apiSecret);
    let event;
    try {
      event = await receiver.receive(body, req.headers.get('authorization') ?? undefined);
    } catch {
      throw new AppError('unauthorized', 'The webhook signature does not match this server’s LiveKit key and secret.');
    }
    const outcome = await recordRoomEvent(getDb(), event);
    return NextResponse.json({ ok: true, outcome });
  } catch (err) {
    return errorResponse(err);
  }
}
