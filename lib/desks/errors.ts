import { AppError } from '@/lib/errors';

/** The desk constraints a lost race runs into, as the error the person sees. */
export const DESK_CONFLICTS: Record<string, AppError> = {
  conversations_one_visit_unique: new AppError('conflict', 'You already have a conversation at this desk — it is open in your list.'),
  desk_moderators_within_limit: new AppError(
    'not_allowed_now',
    'You already have as many open conversations as this desk allows. Close one, then try again.',
  ),
  desk_tags_desk_name_unique: new AppError('conflict', 'That tag already exists at this desk.'),
  conversations_assignee_fk: new AppError('not_allowed_now', 'Only moderators of this desk can take its conversations.'),
};

export const conversationGone = () =>
  new AppError('not_found', 'This conversation does not exist or is not yours to see. Reload All Conversations.');
