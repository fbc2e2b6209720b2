import { createHash, randomUUID } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

export const LIVEKIT_TEST = { url: 'ws://127.0.0.1:7880', apiKey: 'devkey', apiSecret: 'a-test-secret-of-at-least-32-chars!!' };

type TWebhookFields = { event: string; room: string; identity?: string; sid?: string; at: Date; joinedAt?: Date; id?: string };

/** A webhook body as LiveKit posts it (protobuf JSON: int64 as strings, seconds). */
export function webhookBody(f: TWebhookFields): string {
  const secs = (d: Date) => String(Math.floor(d.getTime() / 1000));
  return JSON.stringify({
    event: f.event,
    id: f.id ?? `EV_${randomUUID()}`,
    createdAt: secs(f.at),
    room: { name: f.room, sid: 'RM_test' },
    ...(f.identity ? { participant: { sid: f.sid ?? `PA_${randomUUID()}`, identity: f.identity, name: f.identity, joinedAt: secs(f.joinedAt ?? f.at) } } : {}),
  });
}

/** The Authorization header LiveKit sends: a JWT signed with the API secret carrying the body's sha256. */
export async function signWebhook(body: string, secret = LIVEKIT_TEST.apiSecret, key = LIVEKIT_TEST.apiKey): Promise<string> {
  const at = new AccessToken(key, secret);
  at.sha256 = createHash('sha256').update(body).digest('base64');
  return at.toJwt();
}
