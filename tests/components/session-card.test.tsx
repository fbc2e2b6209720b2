import { act, render, screen } from '@testing-library/react';
import { SessionCard } from '@/components/sessions/session-card';
import type { TSessionCard } from '@/lib/sessions/queries';

const startsAt = new Date('2026-12-02T12:00:00.000Z'); // 13:00 in Berlin
const base: TSessionCard['session'] = {
  id: '8e38c9e2-94ba-440c-ad36-42061e2fe8f1',
  eventId: 'b0b0b0b0-94ba-440c-ad36-42061e2fe8f1',
  companyId: null,
  kind: 'presentation',
  title: 'Welcome: how this fair works',
  description: '',
  startsAt,
  endsAt: new Date(startsAt.getTime() + 3_600_000),
  capacity: null,
  signUpRequired: false,
  questionsNeedApproval: false,
  stageLimit: 4,
  breakoutRoomLimit: 10,
  seatsTaken: 0,
  stageTaken: 0,
  icsSequence: 0,
  cancelledAt: null,
  createdBy: null,
  createdAt: startsAt,
  updatedAt: startsAt,
};

function card(over: Partial<TSessionCard['session']>, extra: Partial<TSessionCard> = {}): TSessionCard {
  return { session: { ...base, ...over }, company: null, hosts: [{ id: 'h', name: 'Max Moreau' }], mine: null, isHost: false, ...extra };
}

async function show(c: TSessionCard, canEnter = false) {
  render(<ul><SessionCard card={c} slug="demo-fair" timeZone="Europe/Berlin" canEnter={canEnter} /></ul>);
  await act(async () => {}); // useNow's first reading
}

test("an organizers' own presentation is not called a company presentation", async () => {
  await show(card({}));
  expect(screen.getByText('Presentation')).toBeInTheDocument();
  expect(screen.queryByText('Company presentation')).toBeNull();
});

test("a company's presentation says so", async () => {
  await show(card({}, { company: { id: 'c', name: 'Northwind Analytics', slug: 'northwind-analytics' } }));
  expect(screen.getByText('Company presentation')).toBeInTheDocument();
});

test('a full session states that its waitlist is open, not an instruction to join it', async () => {
  await show(card({ capacity: 6, seatsTaken: 6, signUpRequired: true }, { mine: { status: 'waitlisted', position: 1 } }));
  expect(screen.getByText('Full — waitlist open')).toBeInTheDocument();
  expect(screen.queryByText(/join the waitlist/i)).toBeNull();
});

test('when the room opens is written with the event zone, like every other time on the card', async () => {
  jest.useFakeTimers({ now: new Date('2026-12-01T17:40:00.000Z') });
  try {
    await show(card({}), true);
    expect(screen.getByText(/^Opens at 12:50 \(Europe\/Berlin\) \(in \d+ h \d+ min\)$/)).toBeInTheDocument();
  } finally {
    jest.useRealTimers();
  }
});

test('in a list the title links to the session; on its own page it is plain text', async () => {
  const { unmount } = render(<ul><SessionCard card={card({})} slug="demo-fair" timeZone="Europe/Berlin" canEnter={false} /></ul>);
  await act(async () => {});
  expect(screen.getByRole('link', { name: 'Welcome: how this fair works' })).toHaveAttribute('href', `/events/demo-fair/sessions/${base.id}`);
  unmount();
  render(<ul><SessionCard card={card({})} slug="demo-fair" timeZone="Europe/Berlin" canEnter={false} linkTitle={false} /></ul>);
  await act(async () => {});
  expect(screen.getByRole('heading', { name: 'Welcome: how this fair works' })).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Welcome: how this fair works' })).toBeNull();
});
