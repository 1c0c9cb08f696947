import { createTranslator } from '../../../shared/i18n/index.ts';
import { safeFileName } from '../../domain/file-names.ts';
import { PermanentError } from '../../platform/jobs/handler.ts';
import type { DeliverRequestEvent, OutgoingRequestEvent } from '../outgoing.ts';
import { issueIdOf, redmineClient, type Upload } from './client.ts';
import type { RedmineConfig } from './config.ts';
import { outboundStatus } from './sync.ts';

/**
 * The note for the customer's move, in the help desk's language, their own words as written: what
 * support reads in the issue's history.
 */
export function noteFor(event: OutgoingRequestEvent, locale: string): string {
  const t = createTranslator(locale);
  const reference = event.reference;
  const { kind, body } = event.event;
  if (kind === 'confirm') return t('helpdesk.customerConfirmed', { reference });
  const intro = t(kind === 'answer' ? 'helpdesk.customerAnswered' : 'helpdesk.customerReopened', {
    reference,
  });
  return body ? `${intro}\n\n${body}` : intro;
}

/**
 * The Redmine status a move sets: a confirmation the first status mapped to closed, a reopening the
 * first mapped to reopened, else to in progress; an answer leaves the status to support. The poller
 * knows this status as ours by its journal and does not apply it back.
 */
function statusFor(cfg: RedmineConfig, kind: OutgoingRequestEvent['event']['kind']): number | undefined {
  if (kind === 'confirm') return outboundStatus(cfg.statusMap, 'closed');
  if (kind === 'reopen') return outboundStatus(cfg.statusMap, 'reopened', 'in_progress');
  return undefined;
}

/**
 * Sends the customer's answer, confirmation or reopening to the issue their report became: its
 * images uploaded first (`POST /uploads.json`), then one update (`PUT /issues/:id.json`) with the
 * note, the images attached and the status the move sets. A retry uploads again; tokens Redmine
 * never saw used expire on their own.
 */
export function redmineRequestEvents(cfg: RedmineConfig, locale: string): DeliverRequestEvent {
  const redmine = redmineClient(cfg);
  return async (event) => {
    const issueId = issueIdOf(event.externalRef);
    if (issueId === undefined) {
      throw new PermanentError(
        `${event.reference} has no Redmine issue (external reference ${event.externalRef})`,
      );
    }
    const uploads: Upload[] = [];
    for (const f of event.files) {
      uploads.push(
        await redmine.upload(safeFileName(f.name, f.content_type), f.content_type, await f.data()),
      );
    }
    const status = statusFor(cfg, event.event.kind);
    await redmine.put(`/issues/${issueId}.json`, {
      issue: {
        notes: noteFor(event, locale),
        ...(uploads.length ? { uploads } : {}),
        ...(status === undefined ? {} : { status_id: status }),
      },
    });
  };
}
