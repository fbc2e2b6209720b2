import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { SignUpButton } from '@/components/sessions/sign-up-button';

const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

const wrap = (ui: ReactNode) => render(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);
const ok = () => Promise.resolve({ ok: true as const, status: 'registered', position: null, promoted: [] });

test('a session open to all offers to add it to My Schedule, not a sign-up it does not need', async () => {
  const signUp = jest.fn(ok);
  wrap(<SignUpButton sessionId="s1" title="Welcome" mine={null} isFull={false} openToAll signUp={signUp} cancel={ok} />);
  expect(screen.queryByRole('button', { name: /Sign up/ })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Add to My Schedule: Welcome' }));
  await waitFor(() => expect(signUp).toHaveBeenCalledWith('s1'));
});

test('once added it says it is in the schedule and offers to remove it', () => {
  wrap(<SignUpButton sessionId="s1" title="Welcome" mine={{ status: 'registered', position: null }} isFull={false} openToAll signUp={ok} cancel={ok} />);
  expect(screen.getByRole('status')).toHaveTextContent('In your schedule.');
  expect(screen.getByRole('button', { name: 'Remove from My Schedule: Welcome' })).toBeInTheDocument();
});

test('a session with seats keeps sign-up, seat and waitlist words', () => {
  const { unmount } = wrap(<SignUpButton sessionId="s2" title="Coffee" mine={null} isFull={false} signUp={ok} cancel={ok} />);
  expect(screen.getByRole('button', { name: 'Sign up: Coffee' })).toBeInTheDocument();
  unmount();
  wrap(<SignUpButton sessionId="s2" title="Coffee" mine={{ status: 'waitlisted', position: 2 }} isFull signUp={ok} cancel={ok} />);
  expect(screen.getByRole('status')).toHaveTextContent('You are on the waitlist — position 2.');
  expect(screen.getByRole('button', { name: 'Leave the waitlist: Coffee' })).toBeInTheDocument();
});

test('giving up a seat asks first; keeping it cancels nothing and Escape returns to the button', async () => {
  const cancel = jest.fn(ok);
  wrap(<SignUpButton sessionId="s3" title="Panel" mine={{ status: 'registered', position: null }} isFull signUp={ok} cancel={cancel} />);
  fireEvent.click(screen.getByRole('button', { name: 'Cancel my seat: Panel' }));
  expect(cancel).not.toHaveBeenCalled();
  expect(screen.getByText(/The next person on the waitlist gets it at once/)).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole('button', { name: 'Keep my seat' })).toHaveFocus());
  fireEvent.keyDown(screen.getByRole('button', { name: 'Keep my seat' }), { key: 'Escape' });
  expect(screen.queryByRole('button', { name: 'Yes, give up my seat' })).toBeNull();
  await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel my seat: Panel' })).toHaveFocus());
  expect(cancel).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole('button', { name: 'Cancel my seat: Panel' }));
  fireEvent.click(screen.getByRole('button', { name: 'Yes, give up my seat' }));
  await waitFor(() => expect(cancel).toHaveBeenCalledWith('s3'));
});

test('leaving the waitlist asks too; removing an open session from My Schedule does not', async () => {
  const cancel = jest.fn(ok);
  const { unmount } = wrap(<SignUpButton sessionId="s4" title="Coffee" mine={{ status: 'waitlisted', position: 3 }} isFull signUp={ok} cancel={cancel} />);
  fireEvent.click(screen.getByRole('button', { name: 'Leave the waitlist: Coffee' }));
  expect(screen.getByText(/You lose your place/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Yes, leave the waitlist' }));
  await waitFor(() => expect(cancel).toHaveBeenCalledWith('s4'));
  unmount();
  cancel.mockClear();
  wrap(<SignUpButton sessionId="s5" title="Welcome" mine={{ status: 'registered', position: null }} isFull={false} openToAll signUp={ok} cancel={cancel} />);
  fireEvent.click(screen.getByRole('button', { name: 'Remove from My Schedule: Welcome' }));
  await waitFor(() => expect(cancel).toHaveBeenCalledWith('s5'));
});
