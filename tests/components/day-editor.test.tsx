import { fireEvent, render, screen, within } from '@testing-library/react';
import { DayEditor, type TDayValues } from '@/components/admin/day-editor';

const day: TDayValues = { date: '2026-04-01', mode: 'virtual', opensAt: '09:00', closesAt: '17:00', chatDurations: [15, 45] };

function setup(props: Partial<Parameters<typeof DayEditor>[0]> = {}) {
  const onChange = jest.fn();
  const onRemove = jest.fn();
  render(<DayEditor index={0} day={day} onChange={onChange} onRemove={onRemove} canRemove={false} fieldError={() => undefined} {...props} />);
  return { onChange, onRemove };
}

describe('DayEditor', () => {
  it('renders labelled fields holding the day', () => {
    setup();
    const group = screen.getByRole('group', { name: 'Day 1' });
    expect(within(group).getByLabelText('Date')).toHaveValue('2026-04-01');
    expect(within(group).getByLabelText('Mode')).toHaveValue('virtual');
    expect(within(group).getByLabelText('Opens at')).toHaveValue('09:00');
    expect(within(group).getByLabelText('Closes at')).toHaveValue('17:00');
    expect(screen.getByRole('checkbox', { name: '15 min' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '30 min' })).not.toBeChecked();
  });

  it('adds a ticked duration in sorted order', () => {
    const { onChange } = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: '30 min' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ ...day, chatDurations: [15, 30, 45] });
  });

  it('removes an unticked duration', () => {
    const { onChange } = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: '15 min' }));
    expect(onChange).toHaveBeenCalledWith({ ...day, chatDurations: [45] });
  });

  it('reports edits to the times and mode', () => {
    const { onChange } = setup();
    fireEvent.change(screen.getByLabelText('Closes at'), { target: { value: '18:30' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...day, closesAt: '18:30' });
    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: 'in_person' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...day, mode: 'in_person' });
  });

  it('shows the field errors of its own index', () => {
    const errors: Record<string, string> = {
      'days.1.closesAt': 'Closing time must be after opening time',
      'days.1.chatDurations': 'Pick at least one chat duration',
      'days.0.closesAt': 'Error of another day',
    };
    setup({ index: 1, fieldError: (name) => errors[name] });
    const closes = screen.getByLabelText('Closes at');
    expect(closes).toHaveAttribute('aria-invalid', 'true');
    expect(closes).toHaveAccessibleDescription('Closing time must be after opening time');
    expect(screen.getByLabelText('Opens at')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByText('Pick at least one chat duration')).toHaveAttribute('role', 'alert');
    expect(screen.queryByText('Error of another day')).not.toBeInTheDocument();
  });

  it('hides the Remove button unless the day can be removed', () => {
    setup({ canRemove: false });
    expect(screen.queryByRole('button', { name: /remove/i })).not.toBeInTheDocument();
  });

  it('calls onRemove from the Remove button', () => {
    const { onRemove, onChange } = setup({ index: 2, canRemove: true });
    fireEvent.click(screen.getByRole('button', { name: 'Remove day 3' }));
    expect(onRemove).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('asks where in-person chats meet on in-person and hybrid days only', () => {
    const { onChange } = setup({ day: { ...day, mode: 'in_person', location: 'Hall B' } });
    const where = screen.getByLabelText('Where (for in-person chats)');
    expect(where).toHaveValue('Hall B');
    fireEvent.change(where, { target: { value: 'Hall B, booth 12' } });
    expect(onChange).toHaveBeenCalledWith({ ...day, mode: 'in_person', location: 'Hall B, booth 12' });
  });

  it('shows the location on a hybrid day and hides it on a virtual one', () => {
    const { unmount } = render(<DayEditor index={1} day={{ ...day, mode: 'hybrid' }} onChange={() => {}} onRemove={() => {}} canRemove={false} fieldError={() => undefined} />);
    expect(screen.getByLabelText('Where (for in-person chats)')).toBeInTheDocument();
    unmount();
    setup();
    expect(screen.queryByLabelText('Where (for in-person chats)')).not.toBeInTheDocument();
  });
});
