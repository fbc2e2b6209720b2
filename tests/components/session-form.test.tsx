import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { EMPTY_SESSION, SessionForm } from '@/components/sessions/session-form';
import type { THostCandidate } from '@/lib/sessions/manage-queries';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }));

const candidates: THostCandidate[] = [
  { id: 'nora', name: 'Nora Visser', company: 'Northwind Analytics' },
  { id: 'tom', name: 'Tom Bakker', company: 'Northwind Analytics' },
  { id: 'jonas', name: 'Jonas Weber', company: 'Bluefin Robotics' },
  ...Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, name: `Talent ${i}`, company: null })),
];
const days = [{ date: '2026-12-02', label: 'Wed 2 Dec 2026' }];

function renderForm(action = jest.fn(async () => ({ ok: true as const, sessionId: 's1' }))) {
  render(<SessionForm initial={EMPTY_SESSION} days={days} companies={[]} candidates={candidates} label="New session" action={action} />);
  return { action, hosts: screen.getByRole('group', { name: 'Hosts' }) };
}

test('hosts are found by typing, ticked, shown as chips and removed again', () => {
  const { hosts } = renderForm();
  expect(within(hosts).getAllByRole('checkbox')).toHaveLength(53);
  expect(hosts).toHaveTextContent('No host chosen yet.');
  const find = within(hosts).getByRole('searchbox', { name: 'Find a host' });
  // By company as well as by name.
  fireEvent.change(find, { target: { value: 'northwind' } });
  expect(within(hosts).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent!.trim())).toEqual(['Nora Visser — Northwind Analytics', 'Tom Bakker — Northwind Analytics']);
  fireEvent.click(within(hosts).getByRole('checkbox', { name: /^Tom Bakker/ }));
  // Enter picks the one person the filter leaves, and does not submit the form.
  fireEvent.change(find, { target: { value: 'jonas' } });
  fireEvent.keyDown(find, { key: 'Enter' });
  expect(find).toHaveValue('');
  const chips = within(hosts).getByRole('list', { name: 'Chosen hosts' });
  expect(within(chips).getAllByRole('listitem').map((li) => li.firstChild!.textContent)).toEqual(['Tom Bakker — Northwind Analytics', 'Jonas Weber — Bluefin Robotics']);
  expect(within(hosts).getByRole('checkbox', { name: /^Jonas Weber/ })).toBeChecked();
  fireEvent.click(within(chips).getByRole('button', { name: 'Remove Tom Bakker from the hosts' }));
  expect(within(hosts).getByRole('checkbox', { name: /^Tom Bakker/ })).not.toBeChecked();
  expect(find).toHaveFocus();
  fireEvent.change(find, { target: { value: 'nobody here' } });
  expect(hosts).toHaveTextContent('No one registered matches “nobody here”.');
});

test('the chosen hosts are sent; "Session created." goes once the organizer changes the form again', async () => {
  const { action, hosts } = renderForm();
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Pitch practice' } });
  fireEvent.click(within(hosts).getByRole('checkbox', { name: /^Nora Visser/ }));
  await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Create session' })); });
  expect(action).toHaveBeenCalledWith(expect.objectContaining({ title: 'Pitch practice', hostIds: ['nora'] }));
  expect(screen.getByText('Session created.')).toBeInTheDocument();
  // The form is empty for the next session; its first change clears the old confirmation.
  expect(screen.getByLabelText('Title')).toHaveValue('');
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Another' } });
  expect(screen.queryByText('Session created.')).toBeNull();
});
