import type { Kysely } from 'kysely';
import type { Database } from '../../platform/schema.ts';
import { issueIdOf } from './client.ts';

/**
 * Starts following a report's Redmine issue once its forwarding is done: the poller reads its
 * changes from then on. Runs in the forwarding's transaction; a second call changes nothing.
 */
export async function followIssue(db: Kysely<Database>, reportId: string, externalRef: string | undefined) {
  const issueId = issueIdOf(externalRef);
  if (issueId === undefined) return;
  await db
    .insertInto('redmine_issues')
    .values({ report_id: reportId, issue_id: issueId, status_id: null, journal_id: 0, updated_on: null })
    .onConflict((oc) => oc.column('report_id').doNothing())
    .execute();
}
