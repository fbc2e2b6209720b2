/**
 * LiveKit room names: one room per resource, named `<kind>-<id>`, so a webhook's room name
 * alone says which resource it is about (see recordRoomEvent).
 */
export const roomName = (kind: string, id: string) => `${kind}-${id}`;

const ROOM = /^([a-z_]{1,20})-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function parseRoom(name: string): { kind: string; id: string } | undefined {
  const m = ROOM.exec(name);
  return m ? { kind: m[1]!, id: m[2]! } : undefined;
}
