'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type * as chatActions from '@/app/events/[slug]/chats/actions';

/**
 * The 1-1 chat server actions (app/events/[slug]/chats/actions.ts). components/ may not import
 * app/, so the chats layout hands them down once and every chat form takes them from here.
 */
export type TChatActions = typeof chatActions;

const ChatActions = createContext<TChatActions | null>(null);

export function ChatActionsProvider({ actions, children }: { actions: TChatActions; children: ReactNode }) {
  return <ChatActions.Provider value={actions}>{children}</ChatActions.Provider>;
}

export function useChatActions(): TChatActions {
  const actions = useContext(ChatActions);
  if (!actions) throw new Error('A chat form was rendered outside <ChatActionsProvider> (app/events/[slug]/chats/layout.tsx provides it).');
  return actions;
}
