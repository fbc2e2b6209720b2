// The JSON helper is shared by every live view: it lives in components/live/api.ts.
export { api } from '@/components/live/api';
