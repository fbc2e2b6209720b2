import { freeSlotView, slotOptionsFor } from '@/lib/chats/slot-options';

const at = (iso: string) => new Date(iso);
// 09:00–09:30 and 09:30–10:00 Berlin (UTC+1 in December).
const free = [
  freeSlotView({ id: 'a', startsAt: at('2026-12-02T08:00:00Z'), endsAt: at('2026-12-02T08:30:00Z'), mode: 'in_person' }, 'Europe/Berlin'),
  freeSlotView({ id: 'b', startsAt: at('2026-12-02T08:30:00Z'), endsAt: at('2026-12-02T09:00:00Z'), mode: null }, 'Europe/Berlin'),
];

test('a free slot is labelled in the event zone with its length and how it takes place', () => {
  expect(free.map((s) => s.label)).toEqual(['Wed 2 Dec, 09:00 (30 min, in person)', 'Wed 2 Dec, 09:30 (30 min, video)']);
  expect(free[0]).toMatchObject({ id: 'a', startsAt: '2026-12-02T08:00:00.000Z', endsAt: '2026-12-02T08:30:00.000Z' });
});

test('a slot overlapping one of the viewer’s chats is marked with whom; touching ends are no clash', () => {
  const busy = [{ startsAt: '2026-12-02T08:15:00.000Z', endsAt: '2026-12-02T08:30:00.000Z', with: 'Nora Visser' }];
  expect(slotOptionsFor(free, busy)).toEqual([
    { id: 'a', label: free[0]!.label, clash: 'you have a chat with Nora Visser then' },
    { id: 'b', label: free[1]!.label },
  ]);
  // Server pages pass Dates, the live view ISO strings: the same answer.
  expect(slotOptionsFor(free, busy.map((b) => ({ ...b, startsAt: at(b.startsAt), endsAt: at(b.endsAt) })))).toEqual(slotOptionsFor(free, busy));
  expect(slotOptionsFor(free, [])).toEqual(free.map(({ id, label }) => ({ id, label })));
});
