import 'server-only';
/**
 * Threads: every text conversation (1-1 call chat, session chat, breakout chat, desk
 * conversation) through one API. See docs/shared-machinery.md.
 */
export { actOnMessage } from './moderate-message';
export { listMessages, type TMessage, type TMessagePage } from './list-messages';
export { postMessage } from './post-message';
export { appendMessage, type TThreadOwner } from './queries';
export { ZListMessagesInput, ZMessageActionInput, ZPostMessageInput, ZThreadRef } from './schemas';
