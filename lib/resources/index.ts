/**
 * The resources registry: every kind of thing people meet in, registered once. A new kind
 * (session stage, breakout room, desk conversation) is one `registerResource` line here plus
 * its definition in its domain (see lib/chats/resource.ts and docs/shared-machinery.md).
 */
import 'server-only';
import { breakoutResource } from '@/lib/breakouts/resource';
import { chatResource } from '@/lib/chats/resource';
import { deskConversationResource } from '@/lib/desks/resource';
import { sessionResource } from '@/lib/sessions/resource';
import { registerResource } from './registry';

registerResource(chatResource);
registerResource(deskConversationResource);
registerResource(sessionResource);
registerResource(breakoutResource);

export { issueRoomToken, type TRoomToken } from './issue-room-token';
export { recordRoomEvent, type TWebhookOutcome } from './record-room-event';
export { accessTo, isResourceKind, mayAccess, requirePermission, resourceOf } from './registry';
export { parseRoom, roomName } from './rooms';
export type { TAccess, TPermission, TResource, TResourceKind, TResourceVideo, TRoomEvent } from './types';
