import { act, fireEvent, render, screen } from '@testing-library/react';
import { ConfirmStep } from '@/components/ui/confirm-step';

function Harness({ onConfirm, error }: { onConfirm: () => void; error?: string }) {
  return (
    <ConfirmStep
      label="Leave the queue"
      question="Leave the queue? You lose your place (number 3)."
      confirmLabel="Yes, leave the queue"
      pendingLabel="Leaving…"
      keepLabel="Stay in the queue"
      pending={false}
      error={error}
      onConfirm={onConfirm}
    />
  );
}

describe('a step that asks before an action that cannot be taken back', () => {
  it('asks first, focuses the safe choice, and acts only on the destructive one', async () => {
    const onConfirm = jest.fn();
    render(<Harness onConfirm={onConfirm} />);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Leave the queue…' })));
    const group = screen.getByRole('group', { name: 'Leave the queue' });
    expect(group).toHaveTextContent('You lose your place (number 3).');
    expect(screen.getByRole('button', { name: 'Stay in the queue' })).toHaveFocus();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, leave the queue' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('Escape and the safe choice close the step and return focus to the button', async () => {
    const onConfirm = jest.fn();
    render(<Harness onConfirm={onConfirm} />);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Leave the queue…' })));
    await act(async () => void fireEvent.keyDown(screen.getByRole('button', { name: 'Stay in the queue' }), { key: 'Escape' }));
    expect(screen.queryByRole('group', { name: 'Leave the queue' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Leave the queue…' })).toHaveFocus();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Leave the queue…' })));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Stay in the queue' })));
    expect(screen.getByRole('button', { name: 'Leave the queue…' })).toHaveFocus();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('shows why the action failed', () => {
    render(<Harness onConfirm={() => {}} error="This conversation is already closed." />);
    expect(screen.getByRole('alert')).toHaveTextContent('This conversation is already closed.');
  });
});
