import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import { canSeeTopic } from './access';
import { subscribe } from './hub';
import type { TTopic } from './topics';

/**
 * One stream's subscription, for a person whose access was checked when it opened. Access can
 * change while it is open (a conversation turned confidential, another moderator took it): on a
 * `recheck` hint the topic is checked again and `onRevoked` is told when it is no longer visible.
 * Returns the unsubscribe function.
 */
export function followTopics(
  db: DbOrTx,
  actor: TActor,
  topicList: TTopic[],
  send: (frame: Uint8Array) => void,
  onRevoked: (topic: TTopic) => void,
): Promise<() => void> {
  return subscribe(topicList, send, (topic, users) => {
    // A recheck about other people (one person cancelled their sign-up) leaves this stream be.
    if (users && !users.has(actor.id)) return;
    void canSeeTopic(db, actor, topic as TTopic).then(
      (ok) => ok || onRevoked(topic as TTopic),
      // When the check itself fails, closing is the safe side: the reconnect checks again.
      () => onRevoked(topic as TTopic),
    );
  });
}
