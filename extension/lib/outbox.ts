import { browser } from 'wxt/browser';
import { isFinalRefusal } from '../../shared/refusal.ts';
import { ApiFailure, postReport } from './api/client.ts';
import { startWatching } from './requests/watch.ts';
import { loadSettings } from './settings.ts';
import { db, type OutboxItem } from './store.ts';

/** Retries spread from 10 s to an hour: quick while a server restarts, patient through an outage. */
export function nextDelayMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

let running: Promise<number> | undefined;

/**
 * Sends every due report in the outbox. The same Idempotency-Key on every attempt means a report
 * the server stored but whose answer was lost is not stored twice; a report leaves the outbox only
 * in the transaction that records the server's reference. Concurrent calls share one run.
 */
export function deliverOutbox(): Promise<number> {
  running ??= run().finally(() => {
    running = undefined;
  });
  return running;
}

/** When the next retry is due, or undefined when nothing waits. */
export async function nextDue(): Promise<number | undefined> {
  const items = await (await db()).getAll('outbox');
  const waiting = items.filter((i) => !i.refused).map((i) => i.nextAttemptAt);
  return waiting.length ? Math.min(...waiting) : undefined;
}

async function run(): Promise<number> {
  const { serverUrl } = await loadSettings();
  const database = await db();
  const due = (await database.getAll('outbox')).filter((i) => !i.refused && i.nextAttemptAt <= Date.now());
  let delivered = 0;
  for (const item of due) {
    if (await deliverOne(serverUrl, item)) delivered++;
  }
  // The help desk's answers to a report just sent are followed from now on.
  if (delivered > 0) await startWatching();
  return delivered;
}

async function deliverOne(serverUrl: string, item: OutboxItem): Promise<boolean> {
  const database = await db();
  let failure: string;
  let permanent = false;
  try {
    const answer = await postReport(serverUrl, item);
    const tx = database.transaction(['outbox', 'sent'], 'readwrite');
    await Promise.all([
      tx.objectStore('sent').put({
        reference: answer.reference,
        outboxId: item.id,
        secret: answer.secret,
        statusUrl: answer.status_url,
        title: item.report.title,
        pageUrl: item.report.environment.url,
        sentAt: new Date().toISOString(),
        incident: answer.incident,
        state: 'received',
        muted: false,
      }),
      tx.objectStore('outbox').delete(item.id),
      tx.done,
    ]);
    return true;
  } catch (err) {
    if (err instanceof ApiFailure) {
      failure = err.message;
      // The server refused this report for what it is; sending it again cannot help.
      permanent = isFinalRefusal(err.status);
    } else {
      failure = `the server could not be reached (${(err as Error).message})`;
    }
  }
  const attempts = item.attempts + 1;
  await database.put('outbox', {
    ...item,
    attempts,
    lastError: failure,
    nextAttemptAt: Date.now() + nextDelayMs(attempts),
    ...(permanent ? { refused: failure } : {}),
  });
  return false;
}

/** "Try again now": the report is due at once (a refusal is set aside) and the background is woken. */
export async function retryNow(outboxId: string): Promise<void> {
  const database = await db();
  const item = await database.get('outbox', outboxId);
  if (!item) return;
  const { refused: _refused, ...rest } = item;
  await database.put('outbox', { ...rest, nextAttemptAt: Date.now() });
  await browser.runtime.sendMessage({ type: 'deliver' }).catch(() => undefined);
}
