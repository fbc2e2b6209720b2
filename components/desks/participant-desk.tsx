'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLiveTopics } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { useSubmit } from '@/components/ui/use-submit';
import type { TParticipantView } from '@/lib/desks/participant-view';
import type { TResult } from '@/lib/errors';
import { topics } from '@/lib/live/topics';
import { DeskThread } from './desk-thread';
import s from './desks.module.css';

type TAction<I, T extends object = object> = (input: I) => Promise<TResult<T>>;

export type TParticipantActions = {
  enter: TAction<{ deskId: string }, { conversationId: string }>;
  leave: TAction<{ conversationId: string }>;
  presence: TAction<{ conversationId: string; present: boolean }>;
  typing: TAction<{ conversationId: string }>;
};

async function fetchView(conversationId: string): Promise<TParticipantView> {
  const res = await fetch(`/api/desks/conversations/${conversationId}`);
  const body = await res.json().catch(() => null);
  if (!res.ok || !body?.ok) throw new Error(body?.error?.message ?? 'Could not load your conversation. Reload the page.');
  return body.view as TParticipantView;
}

/** While the page is open the moderator sees a green dot; leaving the page turns it grey. */
function usePresence(conversationId: string, presence: TParticipantActions['presence']) {
  useEffect(() => {
    const beat = () => void presence({ conversationId, present: document.visibilityState === 'visible' });
    beat();
    const timer = setInterval(beat, 20_000);
    // A closing page cannot wait for a server action; a beacon is delivered after it is gone.
    const gone = () => navigator.sendBeacon(`/api/desks/conversations/${conversationId}/presence`, JSON.stringify({ present: false }));
    document.addEventListener('visibilitychange', beat);
    window.addEventListener('pagehide', gone);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', beat);
      window.removeEventListener('pagehide', gone);
      gone();
    };
  }, [conversationId, presence]);
}

function Conversation({ conversationId, deskId, myId, actions, onEnded }: { conversationId: string; deskId: string; myId: string; actions: TParticipantActions; onEnded: () => void }) {
  const topic = topics.conversation(conversationId);
  useLiveTopics([topic, topics.deskQueue(deskId)]);
  usePresence(conversationId, actions.presence);
  const view = useQuery({
    queryKey: [topic, 'participant'],
    queryFn: () => fetchView(conversationId),
    meta: { topics: [topics.deskQueue(deskId)] },
  });
  const leave = useSubmit(actions.leave);
  if (view.error) return <Alert tone="error">{view.error.message}</Alert>;
  const v = view.data;
  if (!v) return <p className="muted">Loading your conversation…</p>;
  return (
    <div className="stack">
      {v.status === 'queued' ? (
        <Card>
          <p className={s.queue} data-testid="queue-position">
            You are number <strong>{v.position}</strong> in the queue.
          </p>
          <p className="muted" data-testid="queue-wait">
            {v.waitMinutes === null ? 'No moderator is on this desk yet.' : `Estimated wait: about ${v.waitMinutes} minute${v.waitMinutes === 1 ? '' : 's'}.`} You are admitted automatically
            — keep this page open. You can already write your question below.
          </p>
        </Card>
      ) : null}
      {v.status === 'open' && v.moderator ? (
        <Alert tone="ok">
          <span data-testid="admitted">You are talking with {v.moderator.name}.</span>
        </Alert>
      ) : null}
      {v.status === 'closed' ? <Alert tone="info">This conversation is closed. Write again to re-open it.</Alert> : null}
      {v.status === 'hard_closed' ? (
        <Alert tone="warn">
          The desk ended this conversation.{' '}
          <Button variant="secondary" onClick={onEnded}>
            Join the queue again
          </Button>
        </Alert>
      ) : null}
      {v.status !== 'hard_closed' ? (
        <DeskThread
          conversationId={conversationId}
          myId={myId}
          role="participant"
          canWrite
          filesAllowed={v.filesAllowed && v.status === 'open'}
          otherName={v.moderator?.name ?? 'The moderator'}
          onTyping={() => void actions.typing({ conversationId })}
        />
      ) : null}
      {v.status === 'queued' || v.status === 'open' ? (
        <ConfirmStep
          // A new step when admitted: the question asked in the queue no longer holds.
          key={v.status}
          {...(v.status === 'queued'
            ? { label: 'Leave the queue', question: `Leave the queue? You lose your place (number ${v.position}); starting again puts you at the end.`, confirmLabel: 'Yes, leave the queue', keepLabel: 'Stay in the queue' }
            : {
                label: 'Leave the conversation',
                question: `Leave the conversation${v.moderator ? ` with ${v.moderator.name}` : ''}? It closes for both of you; writing again re-opens it, and you may have to wait in the queue.`,
                confirmLabel: 'Yes, leave',
                keepLabel: 'Stay in the conversation',
              })}
          pendingLabel="Leaving…"
          pending={leave.pending}
          error={leave.error?.message}
          onConfirm={() => leave.submit({ conversationId })}
        />
      ) : null}
    </div>
  );
}

/** The participant's desk: the welcome message, then the queue or the conversation. */
export function ParticipantDesk({
  deskId,
  myId,
  welcomeMessage,
  initialConversationId,
  actions,
}: {
  deskId: string;
  myId: string;
  welcomeMessage: string;
  initialConversationId: string | null;
  actions: TParticipantActions;
}) {
  const [conversationId, setConversationId] = useState(initialConversationId);
  const enter = useSubmit(actions.enter, (r) => setConversationId(r.conversationId));
  return (
    <div className="stack">
      {welcomeMessage ? <p className={s.welcome} data-testid="welcome">{welcomeMessage}</p> : null}
      {conversationId ? (
        <Conversation key={conversationId} conversationId={conversationId} deskId={deskId} myId={myId} actions={actions} onEnded={() => enter.submit({ deskId })} />
      ) : (
        <div className="row">
          <Button disabled={enter.pending} onClick={() => enter.submit({ deskId })}>
            Start a conversation
          </Button>
        </div>
      )}
      {enter.error ? <Alert tone="error">{enter.error.message}</Alert> : null}
    </div>
  );
}
