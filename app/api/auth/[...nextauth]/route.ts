// GET/POST /api/auth/* — Auth.js (magic links, OAuth, demo sign-in)
import { handlers } from '@/lib/auth';

export const { GET, POST } = handlers;
