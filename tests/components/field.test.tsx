import { render, screen } from '@testing-library/react';
import { SelectField, TextField } from '@/components/ui/field';

describe('TextField', () => {
  it('links the label to the input', () => {
    render(<TextField label="Name" defaultValue="Ada" />);
    const input = screen.getByLabelText('Name');
    expect(input.tagName).toBe('INPUT');
    expect(input).toHaveValue('Ada');
  });

  it('is valid and not described by anything without error or hint', () => {
    render(<TextField label="Name" />);
    const input = screen.getByLabelText('Name');
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('marks the input invalid and describes it by the error', () => {
    render(<TextField label="Name" error="Give the event a name" />);
    const input = screen.getByLabelText('Name');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const error = screen.getByRole('alert');
    expect(error).toHaveTextContent('Give the event a name');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    expect(input).toHaveAccessibleDescription('Give the event a name');
  });

  it('describes the input by both error and hint', () => {
    render(<TextField label="Address" error="Taken" hint="Shown as /events/x" />);
    const input = screen.getByLabelText('Address');
    const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(ids).toHaveLength(2);
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual(['Taken', 'Shown as /events/x']);
  });

  it('gives each field its own id', () => {
    render(
      <>
        <TextField label="First" error="e1" />
        <TextField label="Second" error="e2" />
      </>,
    );
    expect(screen.getByLabelText('First')).toHaveAccessibleDescription('e1');
    expect(screen.getByLabelText('Second')).toHaveAccessibleDescription('e2');
  });
});

describe('SelectField', () => {
  it('links the label and marks errors the same way', () => {
    render(
      <SelectField label="Mode" error="Choose one" defaultValue="b">
        <option value="a">A</option>
        <option value="b">B</option>
      </SelectField>,
    );
    const select = screen.getByLabelText('Mode');
    expect(select).toHaveValue('b');
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select).toHaveAccessibleDescription('Choose one');
  });
});
