'use client';
import { useRefreshAfterChange } from '@/components/live/use-refresh-after-change';
import { useState } from 'react';
import { useChatActions } from '@/components/chats/chat-actions-context';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { SelectField, TextArea } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import { MemberTimes } from './team-times';
import { useOpenedFocus } from '@/components/ui/use-opened-focus';

export type TTeamMember = { id: string; name: string; isSelf: boolean };

/** "Request 1-1 chat" for one talent, sent for the caller or a colleague of the same company. */
export function RecruiterRequestForm({
  eventId,
  talentId,
  talentName,
  team,
  disabledReason,
}: {
  eventId: string;
  talentId: string;
  talentName: string;
  /** Who the chat can be for; members with an open chat with this talent are left out by the page. */
  team: TTeamMember[];
  disabledReason?: string;
}) {
  const router = useRefreshAfterChange();
  const { open, setOpen, opener, form } = useOpenedFocus();
  const [chosen, setChosen] = useState(team[0]?.id ?? '');
  // The team can shrink on refresh (a colleague just sent one); fall back to the first left.
  const recruiterId = team.some((m) => m.id === chosen) ? chosen : (team[0]?.id ?? '');
  const [message, setMessage] = useState('');
  // Who the sent request is for; kept here because the refreshed team no longer lists them.
  const [sentFor, setSentFor] = useState<TTeamMember | null>(null);
  const { recruiterRequestAction } = useChatActions();
  const r = useSubmit(
    (input: unknown) => recruiterRequestAction(eventId, input),
    () => {
      setOpen(false);
      setMessage('');
      setSentFor(team.find((m) => m.id === recruiterId) ?? { id: recruiterId, name: 'your colleague', isSelf: false });
      router.refresh();
    },
  );

  if (sentFor !== null) {
    return (
      <div className="stack">
        <Alert tone="ok">
          Request sent to {talentName}
          {sentFor.isSelf
            ? '. They pick a time from your free slots, so keep your availability up to date.'
            : ` for ${sentFor.name}. They pick a time from ${sentFor.name}'s free slots.`}
        </Alert>
      </div>
    );
  }
  if (disabledReason) return <p className="muted small">{disabledReason}</p>;
  if (!open) {
    return <div><Button ref={opener} onClick={() => setOpen(true)} aria-label={`Request 1-1 chat with ${talentName}`}>Request 1-1 chat</Button></div>;
  }
  const fieldErrors = r.error?.fieldErrors;
  // Errors not tied to a field shown here (talent, the whole form) go into the alert.
  const showAlert = r.error && (!fieldErrors || Object.keys(fieldErrors).some((k) => k !== 'message' && k !== 'recruiterId'));
  return (
    <div className="stack" ref={form} role="group" aria-label={`Request a 1-1 chat with ${talentName}`}>
      <SelectField label="For" value={recruiterId} onChange={(e) => setChosen(e.target.value)} error={r.fieldError('recruiterId')}>
        {team.map((m) => (
          <option key={m.id} value={m.id}>{m.isSelf ? `Me (${m.name})` : m.name}</option>
        ))}
      </SelectField>
      {/* The time selection happens here, for whoever the chat is for: leaving the page would lose the message. */}
      <MemberTimes memberId={recruiterId} name={team.find((m) => m.id === recruiterId)?.isSelf ? 'you' : (team.find((m) => m.id === recruiterId)?.name ?? 'your colleague')} />
      <TextArea
        label="Message"
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        maxLength={1000}
        hint={`Optional — tell ${talentName} why you would like to talk.`}
        error={r.fieldError('message')}
      />
      {showAlert ? <Alert tone="error">{r.error!.message}</Alert> : null}
      <div className="row">
        <Button disabled={r.pending || !recruiterId} onClick={() => r.submit({ talentId, recruiterId, message })}>{r.pending ? 'Sending…' : 'Send request'}</Button>
        <Button variant="ghost" onClick={() => { setOpen(false); r.reset(); }}>Back</Button>
      </div>
    </div>
  );
}
