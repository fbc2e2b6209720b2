import { freeSlotView, slotOptionsFor } from '@/lib/chats/slot-options';

const at = (iso: string) => new Date(iso);
// 09:00–09:30 and 09:30–10:00 Berlin (UTC+1 in December).
const free = [
  freeSlotView({ id: 'a', startsAt: at('2026-12-02T08:00:00Z'), endsAt: at('2026-12-02T08:30:00Z'), mode: 'in_person' }, 'Europe/Berlin'),
  freeSlotView({ id: 'b', startsAt: at('2026-12-02T08:30:00Z'), endsAt: at('2026-12-02T09:00:00Z'), mode: null }, 'Europe/Berlin'),
];

test('a free slot is labelled in the event zone, naming the zone, with its length and how it takes place', () => {
  expect(free.map((s) => s.label)).toEqual(['Wed 2 Dec, 09:00 CET (30 min, in person)', 'Wed 2 Dec, 09:30 CET (30 min, video)']);
  // In summer the zone's summer name; elsewhere the zone's own short name or offset.
  expect(freeSlotView({ id: 'c', startsAt: at('2026-07-01T17:00:00Z'), endsAt: at('2026-07-01T17:10:00Z'), mode: null }, 'Europe/Berlin').label).toBe('Wed 1 Jul, 19:00 CEST (10 min, video)');
  expect(freeSlotView({ id: 'd', startsAt: at('2026-12-01T18:00:00Z'), endsAt: at('2026-12-01T18:10:00Z'), mode: null }, 'Asia/Kolkata').label).toBe('Tue 1 Dec, 23:30 GMT+5:30 (10 min, video)');
  // The repeated hour when clocks go back is named once, not twice.
  expect(freeSlotView({ id: 'e', startsAt: at('2026-10-25T01:30:00Z'), endsAt: at('2026-10-25T02:00:00Z'), mode: null }, 'Europe/Berlin').label).toBe('Sun 25 Oct, 02:30 CET (30 min, video)');
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
