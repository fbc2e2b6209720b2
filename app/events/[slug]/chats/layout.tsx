import type { ReactNode } from 'react';
import { ChatActionsProvider } from '@/components/chats/chat-actions-context';
import * as chatActions from './actions';

/** Every 1-1 chat page: its forms get the chat server actions from here (components/ may not import app/). */
export default function ChatsLayout({ children }: { children: ReactNode }) {
  return <ChatActionsProvider actions={{ ...chatActions }}>{children}</ChatActionsProvider>;
}
