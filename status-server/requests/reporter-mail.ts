import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { createTranslator, localeFor } from '../../shared/i18n/index.ts';
import { type RequestState, requestState } from '../../shared/schemas/report.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { type JobHandler, PermanentError } from '../platform/jobs/handler.ts';
import { enqueue } from '../platform/jobs/queue.ts';
import { type Mailer, type OutgoingMail, unsubscribeHeaders } from '../platform/mail.ts';
import type { Database } from '../platform/schema.ts';
import { linkToken, parseLinkToken, serverKey, verify } from '../reports/keys.ts';
import { loadReport } from '../store/reports.ts';
import { inLanguage } from '../subscriptions/locale.ts';
import { html } from '../views/markup.ts';

export const REPORTER_MAIL_JOB = 'reporter-mail';

const mailJob = z.object({ state: requestState.nullable(), comment: z.string().nullable() });

/**
 * Queues a mail to a reporter who asked for them (`notify_by_email`), in the transaction of the
 * change: support (the console, Redmine, the webhook callback) or the system moved the request or
 * wrote for the customer. The reporter's own answers, confirmations and reopenings send none.
 */
export async function queueReporterMail(
  trx: Transaction<Database>,
  reportId: string,
  change: { state?: RequestState | undefined; comment?: string | undefined },
  author: Database['report_events']['author'],
): Promise<void> {
  if (author === 'reporter' || (change.state === undefined && change.comment === undefined)) return;
  const row = await trx
    .selectFrom('reports')
    .select('notify_by_email')
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (row?.notify_by_email !== 1) return;
  await enqueue(trx, [
    {
      kind: REPORTER_MAIL_JOB,
      ref_id: reportId,
      payload: { state: change.state ?? null, comment: change.comment ?? null },
    },
  ]);
}

/**
 * The links in a reporter's mails: to stop the mails about one request, with no login. Signed with
 * a key only the server holds, as the subscribers' links are, so one request's link cannot be
 * turned into another's.
 */
export class RequestMailLinks {
  private constructor(
    private readonly key: Buffer,
    private readonly publicUrl: string,
  ) {}

  static async load(db: Kysely<Database>, publicUrl: string): Promise<RequestMailLinks> {
    return new RequestMailLinks(await serverKey(db, 'request-mail-links'), publicUrl);
  }

  /** The RFC 8058 one-click address: a POST there stops the mails; a GET shows a button that does. */
  unsubscribeUrl(reportId: string): string {
    return `${this.publicUrl}/requests/unsubscribe/${linkToken(this.key, 'unsubscribe', reportId)}`;
  }

  /** The report an unsubscribe token names, when the server signed it; undefined otherwise. */
  reportOf(token: string): string | undefined {
    const t = parseLinkToken(token);
    return t && verify(this.key, t.signature, 'unsubscribe', t.id) ? t.id : undefined;
  }
}

/** Turns a request's mails off; true when they were on. */
export async function stopReporterMail(db: Kysely<Database>, reportId: string): Promise<boolean> {
  const done = await db
    .updateTable('reports')
    .set({ notify_by_email: 0 })
    .where('id', '=', reportId)
    .where('notify_by_email', '=', 1)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

/** The language of a reporter's mails and pages: their browser's, as the extension reported it. */
export const reporterLocale = (environmentLanguage: string, fallback: string) =>
  localeFor({ acceptLanguage: environmentLanguage }, fallback);

interface MailParts {
  to: string;
  reference: string;
  title: string;
  state: RequestState | null;
  comment: string | null;
  unsubscribeUrl: string;
  messageId: string;
  locale: string;
}

/** The mail: what changed in words, support's comment as written, and how to stop these mails. */
export function reporterMail(m: MailParts): OutgoingMail {
  const t = createTranslator(m.locale);
  const named = { reference: m.reference, title: m.title };
  const subject = t('requestMail.subject', named);
  const said = [
    ...(m.state ? [t('requestMail.stateChanged', { ...named, state: t(`request.state.${m.state}`) })] : []),
    ...(m.comment !== null ? [t(m.state ? 'requestMail.commentWith' : 'requestMail.comment', named)] : []),
  ];
  const why = t('requestMail.why');
  const stop = t('requestMail.unsubscribe');
  const quoted = m.comment?.split('\n').map((line) => `> ${line}`) ?? [];
  return {
    to: m.to,
    subject,
    messageId: m.messageId,
    headers: unsubscribeHeaders(m.unsubscribeUrl),
    text: [
      ...said,
      ...(quoted.length ? ['', ...quoted] : []),
      '',
      '--',
      why,
      `${stop}: ${m.unsubscribeUrl}`,
    ].join('\n'),
    html: html`<!doctype html>
<html lang="${m.locale}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1f2328">
${said.map((line) => html`<p>${line}</p>`)}
${m.comment !== null ? html`<blockquote style="margin:0 0 16px;padding:0 12px;border-left:3px solid #d1d9e0;white-space:pre-wrap">${m.comment}</blockquote>` : ''}
<p style="color:#59636e;font-size:13px">${why} <a href="${m.unsubscribeUrl}">${stop}</a></p>
</body></html>`.toString(),
  };
}

/** The worker's handler: one mail per queued change, to the report's contact address. */
export function reporterMailHandler(deps: { store: Store; config: Config; mailer: Mailer }): JobHandler {
  const { db } = deps.store;
  const domain = new URL(deps.config.publicUrl).hostname;
  let links: Promise<RequestMailLinks> | undefined;
  return {
    async run(job) {
      const payload = mailJob.safeParse(JSON.parse(job.payload));
      if (!payload.success) throw new PermanentError(`not a reporter mail job: ${job.payload}`);
      const stored = await loadReport(db, job.ref_id);
      // Turned off since the change was queued: the reporter asked for no more.
      if (stored?.row.notify_by_email !== 1 || !stored.report.contact_email) {
        return { skipped: 'unsubscribed' };
      }
      links ??= RequestMailLinks.load(db, deps.config.publicUrl);
      const locale = reporterLocale(stored.report.environment.language, deps.config.defaultLocale);
      await deps.mailer.send(
        reporterMail({
          to: stored.report.contact_email,
          reference: stored.row.reference,
          title: stored.row.title,
          ...payload.data,
          // The page it opens speaks the mail's language.
          unsubscribeUrl: inLanguage((await links).unsubscribeUrl(stored.row.id), locale),
          // From the job's id: a retry carries the same Message-ID, so a receiver can drop a repeat.
          messageId: `<${job.id}@${domain}>`,
          locale,
        }),
      );
      return null;
    },
  };
}
