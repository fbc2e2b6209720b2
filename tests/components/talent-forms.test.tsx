import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ChatActionsProvider, type TChatActions } from '@/components/chats/chat-actions-context';
import { BookForm, RequestForm } from '@/components/chats/talent-forms';

const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

// Stand-ins for the server actions: these tests are about what the form says afterwards.
const actions = {
  bookDirectAction: jest.fn(async () => ({ ok: true as const, chatId: 'c1' })),
  requestChatAction: jest.fn(async () => ({ ok: true as const, chatId: 'c2' })),
} as unknown as TChatActions;
const wrap = (ui: ReactNode) => <QueryClientProvider client={new QueryClient()}><ChatActionsProvider actions={actions}>{ui}</ChatActionsProvider></QueryClientProvider>;
const OPEN_CHAT = 'You already have an open chat with this recruiter.';

test('after a direct booking the recruiter entry says what was booked and where to find it', async () => {
  const slots = [{ id: 's1', label: 'Wed 2 Dec, 10:00 CET (15 min, in person)' }];
  const { rerender } = render(wrap(<BookForm recruiterName="Amira Haddad" slots={slots} loadSlots={() => {}} question="" />));
  fireEvent.click(screen.getByRole('button', { name: 'Book 1-1 chat with Amira Haddad' }));
  fireEvent.change(screen.getByLabelText('Time'), { target: { value: 's1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
  await waitFor(() => expect(actions.bookDirectAction).toHaveBeenCalledWith({ slotId: 's1', answer: '' }));
  // The page's refresh then marks the recruiter as one the talent has an open chat with.
  rerender(wrap(<BookForm recruiterName="Amira Haddad" slots={[]} loadSlots={() => {}} question="" disabledReason={OPEN_CHAT} />));
  // It said only "You already have an open chat…", with the new chat in a hidden tab on a phone.
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Booked with Amira Haddad: Wed 2 Dec, 10:00 CET (15 min, in person). You find it under “Confirmed chats”.'));
  // Without a booking made here the reason stays as it was.
  rerender(wrap(<BookForm key="other" recruiterName="Amira Haddad" slots={[]} loadSlots={() => {}} question="" disabledReason={OPEN_CHAT} />));
  expect(screen.getByText(OPEN_CHAT)).toBeInTheDocument();
});

test('a form whose slots were not read yet reads them on opening, with focus on the Time field meanwhile', async () => {
  const loadSlots = jest.fn();
  const { rerender } = render(wrap(<BookForm recruiterName="Amira Haddad" slots={null} loadSlots={loadSlots} question="" />));
  // Closed, it asks for nothing: the page's first paint leaves the slots out.
  expect(loadSlots).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole('button', { name: 'Book 1-1 chat with Amira Haddad' }));
  expect(loadSlots).toHaveBeenCalledTimes(1);
  const time = screen.getByLabelText('Time');
  expect(time).toHaveFocus();
  expect(time).toHaveAttribute('aria-busy', 'true');
  expect(screen.getByRole('option', { name: 'Reading the free slots…' })).toBeDisabled();
  expect(screen.getByRole('button', { name: 'Confirm booking' })).toBeDisabled();
  rerender(wrap(<BookForm recruiterName="Amira Haddad" slots={[{ id: 's1', label: 'Wed 2 Dec, 10:00 CET (15 min, video)' }]} loadSlots={loadSlots} question="" />));
  expect(screen.getByLabelText('Time')).toHaveAttribute('aria-busy', 'false');
  fireEvent.change(screen.getByLabelText('Time'), { target: { value: 's1' } });
  expect(screen.getByRole('button', { name: 'Confirm booking' })).toBeEnabled();
  expect(loadSlots).toHaveBeenCalledTimes(1);
});

test('after a request the recruiter entry says it was sent', async () => {
  const { rerender } = render(wrap(<RequestForm eventId="e1" recruiterId="r1" recruiterName="Yusuf Demir" question="" />));
  fireEvent.click(screen.getByRole('button', { name: 'Request 1-1 chat with Yusuf Demir' }));
  fireEvent.change(screen.getByLabelText(/A short message/), { target: { value: 'I would like to hear about customer teams.' } });
  fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
  await waitFor(() => expect(actions.requestChatAction).toHaveBeenCalled());
  rerender(wrap(<RequestForm eventId="e1" recruiterId="r1" recruiterName="Yusuf Demir" question="" disabledReason={OPEN_CHAT} />));
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Request sent to Yusuf Demir.'));
});
