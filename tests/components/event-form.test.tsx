import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { EventForm, type TEventValues } from '@/components/admin/event-form';
import type { TResult } from '@/lib/errors';

const push = jest.fn();
const replace = jest.fn();
const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push, replace, refresh }) }));

const empty: TEventValues = {
  name: '',
  slug: '',
  description: '',
  timeZone: 'Europe/Berlin',
  status: 'draft',
  chatInitiation: 'both',
  talentRequestCredits: '3',
  recruiterRequestCredits: '',
  joinOpensMinutesBefore: '5',
  noShowGraceMinutes: '10',
  days: [{ date: '2026-04-30', mode: 'virtual', opensAt: '09:00', closesAt: '17:00', chatDurations: [15, 30] }],
};
const zones = [{ id: 'Europe/Berlin', label: 'Berlin — Europe (Central European Time, UTC+01:00)' }, { id: 'UTC', label: 'UTC (Coordinated Universal Time)' }];

type TAction = (input: TEventValues) => Promise<TResult<{ slug: string }>>;

function renderForm(action: TAction, mode: 'create' | 'edit' = 'create', initial: TEventValues = empty) {
  render(<EventForm initial={initial} zones={zones} mode={mode} action={action} />);
}

async function submit(mode: 'create' | 'edit' = 'create') {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: mode === 'create' ? 'Create event' : 'Save changes' }));
  });
}

beforeEach(() => {
  push.mockClear();
  replace.mockClear();
  refresh.mockClear();
});

describe('EventForm', () => {
  it('fills the address from the name while creating', () => {
    renderForm(jest.fn());
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Spring Career Fair 2026!' } });
    expect(screen.getByLabelText('Address')).toHaveValue('spring-career-fair-2026');
    expect(screen.getByText('Shown as /events/spring-career-fair-2026')).toBeInTheDocument();
  });

  it('drops accents instead of splitting words at them', () => {
    renderForm(jest.fn());
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Frühjahrsmesse Köln' } });
    expect(screen.getByLabelText('Address')).toHaveValue('fruhjahrsmesse-koln');
  });

  it('stops following the name once the address was edited', () => {
    renderForm(jest.fn());
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'my-fair' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Another name' } });
    expect(screen.getByLabelText('Address')).toHaveValue('my-fair');
  });

  it('keeps the address when editing an existing event', () => {
    renderForm(jest.fn(), 'edit', { ...empty, name: 'Old', slug: 'old-fair' });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'New name' } });
    expect(screen.getByLabelText('Address')).toHaveValue('old-fair');
  });

  it('adds a day after the last one, copying its hours', () => {
    renderForm(jest.fn());
    expect(screen.queryByRole('group', { name: 'Day 2' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove day 1' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Add a day' }));
    const day2 = screen.getByRole('group', { name: 'Day 2' });
    expect(within(day2).getByLabelText('Date')).toHaveValue('2026-05-01');
    expect(within(day2).getByLabelText('Opens at')).toHaveValue('09:00');
    expect(within(day2).getByLabelText('Closes at')).toHaveValue('17:00');
    expect(screen.getByRole('button', { name: 'Remove day 1' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Remove day 2' }));
    expect(screen.queryByRole('group', { name: 'Day 2' })).not.toBeInTheDocument();
  });

  it('submits the form values to the action', async () => {
    const action = jest.fn<ReturnType<TAction>, Parameters<TAction>>().mockResolvedValue({ ok: true, slug: 'spring-fair' });
    renderForm(action);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Spring Fair' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Meet employers' } });
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'UTC' } });
    fireEvent.change(screen.getByLabelText('Requests per recruiter'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a day' }));
    await submit();
    expect(action).toHaveBeenCalledTimes(1);
    expect(action).toHaveBeenCalledWith({
      ...empty,
      name: 'Spring Fair',
      slug: 'spring-fair',
      description: 'Meet employers',
      timeZone: 'UTC',
      recruiterRequestCredits: '20',
      days: [empty.days[0], { date: '2026-05-01', mode: 'virtual', opensAt: '09:00', closesAt: '17:00', chatDurations: [15, 30] }],
    });
  });

  it('shows the error next to the field the server refused', async () => {
    const action: TAction = jest.fn().mockResolvedValue({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Please correct the highlighted fields.',
        fieldErrors: { name: 'Give the event a name of at least 3 characters', 'days.0.closesAt': 'Closing time must be after opening time' },
      },
    });
    renderForm(action);
    await submit();
    const name = screen.getByLabelText('Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Give the event a name of at least 3 characters');
    expect(within(screen.getByRole('group', { name: 'Day 1' })).getByLabelText('Closes at')).toHaveAccessibleDescription(
      'Closing time must be after opening time',
    );
    expect(screen.getByText('Please correct the highlighted fields.')).toHaveAttribute('role', 'alert');
    expect(push).not.toHaveBeenCalled();
  });

  it('shows a connection message when the action throws', async () => {
    renderForm(jest.fn().mockRejectedValue(new Error('network down')));
    await submit();
    expect(screen.getByText('Could not reach the server. Check your connection and try again.')).toBeInTheDocument();
    expect(push).not.toHaveBeenCalled();
  });

  it('goes to the new event after creating it', async () => {
    renderForm(jest.fn().mockResolvedValue({ ok: true, slug: 'spring-fair' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Spring Fair' } });
    await submit();
    expect(push).toHaveBeenCalledWith('/events/spring-fair/manage?created=1');
    expect(replace).not.toHaveBeenCalled();
  });

  it('refreshes after saving an edit that keeps the address', async () => {
    renderForm(jest.fn().mockResolvedValue({ ok: true, slug: 'old-fair' }), 'edit', { ...empty, name: 'Old', slug: 'old-fair' });
    await submit('edit');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
    expect(screen.getByText('Changes saved.')).toBeInTheDocument();
  });

  it('moves to the new address after an edit changed it', async () => {
    renderForm(jest.fn().mockResolvedValue({ ok: true, slug: 'new-fair' }), 'edit', { ...empty, name: 'Old', slug: 'old-fair' });
    await submit('edit');
    expect(replace).toHaveBeenCalledWith('/events/new-fair/manage');
  });
});
