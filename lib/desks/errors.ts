import { AppError } from '@/lib/errors';

export const conversationGone = () =>
  new AppError('not_found', 'This conversation does not exist or is not yours to see. Reload All Conversations.');
