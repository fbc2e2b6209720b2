// The hub's fan-out (lib/live/hub.ts): hints that arrive together go out as one frame per
// stream, holding exactly the hints of the topics that stream follows, in commit order across
// them. Runs on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { FANOUT_WRITES_PER_SECOND, flushGapMs, loopIsBusy, MAX_FLUSH_GAP_MS } from '@/lib/live/hub';
import { publishHints } from '@/lib/live/publish';
import { isPacedTopic, topics } from '@/lib/live/topics';
import { openStream, until, useLiveDatabase } from '../helpers/live-streams';
import type { TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
useLiveDatabase((db) => {
  t = db;
});

/** Keeps the event loop busy, so that every NOTIFY of a commit is read in one I/O round. */
function busy(ms: number): void {
  for (const end = Date.now() + ms; Date.now() < end; );
}

test('hints of one flush reach each stream as one frame, in commit order across its topics, and only its own', async () => {
  const a = topics.user('demo-talent-01');
  const b = topics.user('demo-talent-02');
  const c = topics.user('demo-talent-03');
  const both = await openStream(t.db, 'demo-talent-01', [a, b]);
  const bothAgain = await openStream(t.db, 'demo-talent-04', [b, a]);
  const onlyB = await openStream(t.db, 'demo-talent-02', [b]);
  const onlyC = await openStream(t.db, 'demo-talent-03', [c]);
  try {
    await t.db.transaction((tx) =>
      publishHints(tx, [
        { topic: a, ids: { n: 1 } },
        { topic: b, ids: { n: 2 } },
        { topic: a, ids: { n: 3 } },
        { topic: b, ids: { n: 4 } },
      ]),
    );
    busy(300);
    await until(() => both.hints.length === 4 && bothAgain.hints.length === 4 && onlyB.hints.length === 2);
    // A hint on the topic nobody but onlyC follows, after: onlyC heard nothing of the others.
    await t.db.transaction((tx) => publishHints(tx, [{ topic: c, ids: { n: 5 } }]));
    await until(() => onlyC.hints.length === 1);

    const ns = (s: typeof both) => s.hints.map((h) => h.ids?.n);
    expect(ns(both)).toEqual([1, 2, 3, 4]);
    expect(both.frames).toHaveLength(1);
    // The same topics in another order: the same frame.
    expect(bothAgain.frames).toEqual(both.frames);
    expect(ns(onlyB)).toEqual([2, 4]);
    expect(onlyB.frames).toHaveLength(1);
    expect(ns(onlyC)).toEqual([5]);
    expect(onlyC.hints[0]!.topic).toBe(c);
  } finally {
    [both, bothAgain, onlyB, onlyC].forEach((s) => s.off());
  }
});

test('a flush with more topics than one frame can mark still keeps commit order per stream', async () => {
  // 40 topics: more than the 31 a flush groups at once, so the flush goes out in two parts.
  const list = Array.from({ length: 40 }, (_, i) => topics.user(`fanout-${i}`));
  const all = await openStream(t.db, 'demo-talent-01', list);
  const last = await openStream(t.db, 'demo-talent-02', [list[39]!, list[0]!]);
  try {
    const hints = [...list, list[0]!].map((topic, n) => ({ topic, ids: { n } }));
    await t.db.transaction((tx) => publishHints(tx, hints));
    busy(300);
    await until(() => all.hints.length === 41 && last.hints.length === 3);
    expect(all.hints.map((h) => h.ids?.n)).toEqual(hints.map((h) => h.ids.n));
    expect(all.frames.length).toBeLessThanOrEqual(2);
    expect(last.hints.map((h) => h.ids?.n)).toEqual([0, 39, 40]);
  } finally {
    all.off();
    last.off();
  }
});

test('a burst of commits on a paced topic many follow reaches each stream as few frames, paced by the flush gap, each hint once', async () => {
  const topic = topics.openRecruiters(randomUUID());
  // Many streams on one topic: each flush is that many socket writes, so the next one waits.
  const streams = await Promise.all(Array.from({ length: 500 }, () => openStream(t.db, 'demo-talent-05', [topic])));
  const s = streams[0]!;
  try {
    // The server is saturated (the gap applies only then): 9 ms of every 10 go to other work.
    const load = setInterval(() => busy(9), 10);
    try {
      await new Promise((r) => setTimeout(r, 250));
      // Twenty writers commit at once, each its own transaction: a storm of bookings.
      await Promise.all(Array.from({ length: 20 }, (_, n) => t.db.transaction((tx) => publishHints(tx, [{ topic, ids: { n } }]))));
      await until(() => streams.every((x) => x.hints.length === 20));
    } finally {
      clearInterval(load);
    }
    expect(s.frames.length).toBeLessThan(20);
    // Each frame is a flush of 500 writes; the next comes no sooner than their gap (1 ms for timer rounding).
    const gap = flushGapMs(500);
    expect(gap).toBeGreaterThan(10);
    for (let i = 1; i < s.frameAt.length; i++) expect(s.frameAt[i]! - s.frameAt[i - 1]!).toBeGreaterThanOrEqual(gap - 1);
    expect(new Set(s.hints.map((h) => h.ids?.n)).size).toBe(20);
  } finally {
    streams.forEach((x) => x.off());
  }
});

test('the flush gap grows with the writes of the last flush, up to its bound', () => {
  expect(flushGapMs(1)).toBeLessThan(1);
  expect(flushGapMs(1000)).toBe((1000 * 1000) / FANOUT_WRITES_PER_SECOND);
  expect(flushGapMs(1_000_000)).toBe(MAX_FLUSH_GAP_MS);
});

test('the gap applies only while the event loop is busy: with CPU to spare a hint goes out at once', async () => {
  loopIsBusy();
  const load = setInterval(() => busy(9), 10);
  try {
    await new Promise((r) => setTimeout(r, 250));
    expect(loopIsBusy()).toBe(true);
  } finally {
    clearInterval(load);
  }
  await new Promise((r) => setTimeout(r, 250));
  expect(loopIsBusy()).toBe(false);
});

test('a conversation hint never waits for the gap of a paced storm, even on a saturated loop', async () => {
  const paced = topics.openRecruiters(randomUUID());
  const qa = topics.sessionQa(randomUUID());
  expect(isPacedTopic(paced)).toBe(true);
  expect(isPacedTopic(qa)).toBe(false);
  expect(isPacedTopic(topics.user('demo-talent-06'))).toBe(false);
  // The same 500 people follow both: each paced flush is 500 writes, so a gap of 100 ms follows it.
  const streams = await Promise.all(Array.from({ length: 500 }, () => openStream(t.db, 'demo-talent-06', [paced, qa])));
  const s = streams[0]!;
  const gap = flushGapMs(500);
  const load = setInterval(() => busy(9), 10);
  try {
    await new Promise((r) => setTimeout(r, 250));
    await t.db.transaction((tx) => publishHints(tx, [{ topic: paced, ids: { n: 0 } }]));
    await until(() => s.hints.length === 1);
    // Inside the gap after that flush: a second storm hint must wait for it, a vote must not.
    const sentAt = performance.now();
    await t.db.transaction((tx) => publishHints(tx, [{ topic: paced, ids: { n: 1 } }]));
    await t.db.transaction((tx) => publishHints(tx, [{ topic: qa, ids: { n: 2 } }]));
    await until(() => streams.every((x) => x.hints.length === 3));
    const at = (n: number) => s.frameAt[s.frames.findIndex((f) => f.includes(`"n":${n}`))]!;
    // The vote went out before the paced hint that committed first, and sooner after its commit than the gap.
    expect(at(2)).toBeLessThan(at(1));
    expect(at(2) - sentAt).toBeLessThan(gap);
    expect(at(1) - s.frameAt[0]!).toBeGreaterThanOrEqual(gap - 1);
  } finally {
    clearInterval(load);
    streams.forEach((x) => x.off());
  }
});
