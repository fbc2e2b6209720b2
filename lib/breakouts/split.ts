/**
 * An even split: people (already in a fixed order) dealt out to the rooms in turn, so room sizes
 * differ by at most one and the same people always land in the same rooms.
 */
export function evenSplit<T>(people: readonly T[], roomIds: readonly string[]): { person: T; roomId: string }[] {
  if (roomIds.length === 0) return [];
  return people.map((person, i) => ({ person, roomId: roomIds[i % roomIds.length]! }));
}
