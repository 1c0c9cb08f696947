import { createHash } from 'node:crypto';
import type { HelpdeskCallback } from '../../shared/schemas/helpdesk.ts';
import { Conflict, DomainError, NotFound } from '../domain/errors.ts';
import { type SupportState, supportStates } from '../domain/request-lifecycle.ts';
import { type RequestDeps, supportUpdate } from './service.ts';

const settable = new Set<string>(supportStates);

/** Thrown inside the change's transaction when the message was applied before: nothing is written. */
class Applied extends Error {}

/**
 * Applies a verified help-desk callback through `supportUpdate` (source `webhook`). Idempotent by the
 * message's `webhook-id`: its record is written in the change's own transaction, so a message is
 * applied once, and a repeat (a retry after a lost answer) changes nothing. The same id with another
 * body is refused. Answers whether this call applied it.
 */
export async function applyCallback(
  deps: RequestDeps,
  webhookId: string,
  body: string,
  message: HelpdeskCallback,
): Promise<boolean> {
  const hash = createHash('sha256').update(body).digest('hex');
  const seen = async () => {
    const row = await deps.db
      .selectFrom('helpdesk_callbacks')
      .select('body_hash')
      .where('webhook_id', '=', webhookId)
      .executeTakeFirst();
    if (row && row.body_hash !== hash) {
      throw new DomainError(
        'unprocessable',
        'webhook_id_reused',
        `webhook-id ${webhookId} was already used for a different message; use a new id for a new message`,
      );
    }
    return row !== undefined;
  };
  if (await seen()) return false;

  const { reference } = message.data;
  const report = await deps.db
    .selectFrom('reports')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!report) throw new NotFound('report', reference);
  let state: SupportState | undefined;
  if (message.type === 'request.state_changed') {
    if (!settable.has(message.data.state)) {
      throw new Conflict(
        'request_state',
        `a help desk may set ${supportStates.join(', ')}; ${message.data.state} is not one of them`,
      );
    }
    state = message.data.state as SupportState;
  }
  const reply = message.data.comment;
  try {
    await supportUpdate(
      deps,
      report.id,
      { ...(state ? { state } : {}), ...(reply ? { reply } : {}) },
      'webhook',
      async (trx) => {
        const taken = await trx
          .insertInto('helpdesk_callbacks')
          .values({ webhook_id: webhookId, body_hash: hash, received_at: new Date().toISOString() })
          .onConflict((oc) => oc.column('webhook_id').doNothing())
          .executeTakeFirst();
        if (Number(taken.numInsertedOrUpdatedRows ?? 0) === 0) throw new Applied();
      },
    );
  } catch (err) {
    // The same message, delivered twice at once: the other delivery applied it.
    if (err instanceof Applied) {
      await seen();
      return false;
    }
    throw err;
  }
  return true;
}
