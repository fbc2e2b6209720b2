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
