// npm run db:seed — seeds the demo fair (idempotent).
import { database } from '../db/client';
import { seedDemo } from '../db/seed';

const handle = database();
await handle.migrate();
console.log((await seedDemo(handle.db)) ? 'seeded the demo fair' : 'demo fair already present');
await handle.close();
