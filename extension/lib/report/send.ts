import { browser } from 'wxt/browser';
import type { FormConfig } from '../../../shared/schemas/form-config.ts';
import type { Report } from '../../../shared/schemas/report.ts';
import { type Draft, moveToOutbox, type OutboxItem } from '../store.ts';
import { attachmentParts, outgoingOf, type Part } from './attachments.ts';
import { flattenCapture } from './flatten.ts';
import { type Checked, checkReport, sizeProblems } from './validation.ts';

/** The outbox entry for a checked report; its id is the Idempotency-Key of every delivery attempt. */
export function outboxItem(draftId: string, checked: Report, parts: Part[], now = new Date()): OutboxItem {
  return {
    id: crypto.randomUUID(),
    draftId,
    createdAt: now.toISOString(),
    report: checked,
    files: parts,
    attempts: 0,
    nextAttemptAt: now.getTime(),
  };
}

/** A random id of this install, so the server can tell one browser's reports from another's. */
export async function clientId(): Promise<string> {
  const stored = (await browser.storage.local.get('clientId')).clientId;
  if (typeof stored === 'string' && /^[0-9a-f-]{36}$/i.test(stored)) return stored;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ clientId: id });
  return id;
}

/**
 * Send: flattens the marks into the images, checks the report with them as they go out, moves it to
 * the outbox (the draft goes in the same transaction) and asks the background to deliver. Returns the
 * outbox entry, or what is wrong when nothing was sent. The form has checked the draft (`checkDraft`)
 * before: the images are only flattened for a report that can go.
 */
export async function sendDraft(
  draft: Draft,
  config: FormConfig,
): Promise<{ item: OutboxItem } | { item?: undefined; checked: Checked }> {
  const id = await clientId();
  const flattened = await Promise.all(draft.captures.map(flattenCapture));
  const outgoing = outgoingOf(draft).map((o, i) => (flattened[i] ? { ...o, ...flattened[i] } : o));
  const { meta, parts } = attachmentParts(outgoing);
  const final = checkReport(draft, config, meta, id);
  final.general.push(...sizeProblems(parts));
  if (!final.report || final.general.length) return { checked: { ...final, report: undefined } };

  const item = outboxItem(draft.id, final.report, parts);
  await moveToOutbox(item);
  // The background delivers; if it is asleep its alarm and start-up run pick the report up.
  await browser.runtime.sendMessage({ type: 'deliver' }).catch(() => undefined);
  return { item };
}
