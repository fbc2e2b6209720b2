// npm run db:migrate — applies committed migrations to DATABASE_URL, or to the embedded PGlite.
import { database } from '../db/client';

const handle = database();
await handle.migrate();
console.log(`migrated (${handle.kind})`);
await handle.close();
