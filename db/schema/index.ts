export * from './auth';
export * from './profiles';
export * from './companies';
export * from './events';
export * from './records';
export * from './chats';
export * from './video';
export * from './messages';
