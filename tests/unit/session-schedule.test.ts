import { withClashes } from '@/lib/sessions/schedule';

const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);
const entry = (key: string, from: string, to: string, counts = true) => ({ key, startsAt: at(from), endsAt: at(to), counts, item: key });

describe('My Schedule clashes', () => {
  test('overlapping firm entries clash both ways; touching ones do not', () => {
    const out = withClashes([entry('session', '10:00', '11:00'), entry('chat', '10:30', '10:45'), entry('later', '11:00', '11:30')]);
    expect(out.map((e) => [e.key, e.clashesWith])).toEqual([
      ['session', ['chat']],
      ['chat', ['session']],
      ['later', []],
    ]);
  });

  test('a waitlist place clashes with nothing, and a long entry clashes with everything inside it', () => {
    const out = withClashes([entry('long', '09:00', '12:00'), entry('waitlisted', '09:30', '10:00', false), entry('a', '10:00', '10:30'), entry('b', '11:30', '12:30')]);
    expect(Object.fromEntries(out.map((e) => [e.key, e.clashesWith]))).toEqual({ long: ['a', 'b'], waitlisted: [], a: ['long'], b: ['long'] });
  });
});
