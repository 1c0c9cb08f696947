import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/schema.ts';

/** Every status write ends here, in its own transaction: page instances poll the revision to rebuild. */
export async function touchPage(trx: Transaction<Database>, at: string): Promise<void> {
  await trx
    .updateTable('page_state')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: at }))
    .where('id', '=', 1)
    .execute();
}

export async function pageRevision(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('page_state')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}
