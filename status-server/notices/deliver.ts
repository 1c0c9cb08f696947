import { z } from 'zod';
import { availableLocales, createTranslator } from '../../shared/i18n/index.ts';
import { entityId } from '../../shared/schemas/status.ts';
import type { Config } from '../config.ts';
import type { SubscriptionChannel } from '../domain/channels.ts';
import type { Store } from '../platform/db.ts';
import { type JobHandler, type Outcome, PermanentError } from '../platform/jobs/handler.ts';
import type { Job } from '../platform/jobs/queue.ts';
import type { Mailer } from '../platform/mail.ts';
import type { SubscriptionConfig } from '../subscriptions/config.ts';
import { inLanguage, localeOf } from '../subscriptions/locale.ts';
import { subscriptionMail } from '../subscriptions/mail.ts';
import {
  confirmSubscription,
  loadActive,
  loadSubscription,
  SUBSCRIPTION_MAIL_JOB,
  SUBSCRIPTION_VERIFY_JOB,
  type SubscriptionRow,
} from '../subscriptions/store.ts';
import { TargetPolicy } from '../subscriptions/targets.ts';
import { SubscriptionLinks } from '../subscriptions/tokens.ts';
import type { ChannelDeps, NoticeChannel, Recipient } from './channels/plugin.ts';
import { postWebhook } from './channels/post.ts';
import { channels } from './channels/registry.ts';
import {
  loadNoticeSource,
  MANAGE_LINK,
  type NoticeContent,
  type NoticeSource,
  noticeContent,
  UNSUBSCRIBE_LINK,
} from './content.ts';
import { NOTICE_JOB } from './fanout.ts';

export interface NoticeDeps {
  store: Store;
  config: Config;
  subscriptions: SubscriptionConfig;
  mailer: Mailer;
  /** Deliveries in flight at once; mail beyond the pool's connections waits in the pool's queue. */
  concurrency?: number;
}

/** The result stored for a delivery whose subscriber left before its turn. */
export const SKIPPED = { skipped: 'unsubscribed' } as const;

const noticeJob = z.object({ subscription: entityId });
const mailJob = z.object({ mail: z.enum(['confirm', 'reminder']) });
/** Notices whose rendered parts are kept; a fan-out works through one or two at a time. */
const CACHED_NOTICES = 32;
/** Each of those in every language its subscribers read. */
const CACHED_RENDERINGS = CACHED_NOTICES * availableLocales.length;

interface Rendered {
  content: NoticeContent;
  /** Each channel's sender of this notice, rendered for it once. */
  send: Record<SubscriptionChannel, (to: Recipient) => Promise<void>>;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Whether a receiver's answer to a verification request is its challenge: the whole body, or a
 * JSON object whose `challenge` it is (Slack's url_verification accepts both). A body that merely
 * contains it, such as the request echoed back, is no answer.
 */
export function echoesChallenge(answer: string, challenge: string): boolean {
  const text = answer.trim();
  if (text === challenge) return true;
  const json = parseJson(text);
  return (
    typeof json === 'object' && json !== null && (json as { challenge?: unknown }).challenge === challenge
  );
}

/**
 * Job handlers for the worker: `notice` (one notice to one subscriber), the subscription mails, and
 * the verification requests to new public webhooks.
 */
export function noticeHandlers(deps: NoticeDeps): Record<string, JobHandler> {
  const { db } = deps.store;
  const { config, mailer } = deps;
  const concurrency = deps.concurrency ?? 32;
  const policy = new TargetPolicy(deps.subscriptions.webhookAllowPrivate);
  const domain = new URL(config.publicUrl).hostname;
  const channelDeps: ChannelDeps = { config, mailer, policy, domain };
  let links: Promise<SubscriptionLinks> | undefined;
  const linksOnce = () => {
    // Read once; a failed read is forgotten so the next batch tries again.
    links ??= SubscriptionLinks.load(db, config.publicUrl).catch((err) => {
      links = undefined;
      throw err;
    });
    return links;
  };

  /** Kept, oldest going first past `limit`; a failed promise is not kept, so the next attempt reads again. */
  const cached = <T>(cache: Map<string, Promise<T>>, limit: number, key: string, make: () => Promise<T>) => {
    let found = cache.get(key);
    if (!found) {
      found = make();
      found.catch(() => cache.delete(key));
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(key, found);
    }
    return found;
  };
  // A notice is read from the database once, then written once per language its subscribers read,
  // not once per subscriber: each delivery picks its copy by the subscriber's language.
  const sources = new Map<string, Promise<NoticeSource>>();
  const rendered = new Map<string, Promise<Rendered>>();
  const render = (noticeId: string, locale: string): Promise<Rendered> =>
    cached(rendered, CACHED_RENDERINGS, `${noticeId} ${locale}`, async () => {
      const source = await cached(sources, CACHED_NOTICES, noticeId, () => loadNoticeSource(db, noticeId));
      const content = noticeContent(source, config, locale);
      const send = {} as Rendered['send'];
      for (const c of Object.values(channels) as NoticeChannel[]) {
        send[c.name] = c.prepare(content, channelDeps);
      }
      return { content, send };
    });

  async function deliver(job: Job, sub: SubscriptionRow, r: Rendered, l: SubscriptionLinks): Promise<void> {
    const manage = l.manageUrl(sub.id);
    const unsubscribe = l.unsubscribeUrl(sub.id);
    // The rendered text already says which language its links open in, after each stand-in.
    const fill = (s: string) => s.replaceAll(MANAGE_LINK, manage).replaceAll(UNSUBSCRIBE_LINK, unsubscribe);
    // The List-Unsubscribe address opens the same page as the mail's own link: in the mail's language.
    const unsubscribeUrl = inLanguage(unsubscribe, r.content.locale);
    await r.send[sub.channel]({ jobId: job.id, sub, unsubscribeUrl, fill });
  }

  const notice: JobHandler = {
    async runBatch(jobs, report) {
      const l = await linksOnce();
      const wanted = jobs.map((job) => ({ job, payload: noticeJob.safeParse(parseJson(job.payload)) }));
      // Read when the batch starts, so a subscriber removed before their turn gets nothing.
      const subs = await loadActive(
        db,
        wanted.flatMap((w) => (w.payload.success ? [w.payload.data.subscription] : [])),
      );
      let next = 0;
      const lane = async () => {
        while (next < wanted.length) {
          const { job, payload } = wanted[next++] as (typeof wanted)[number];
          if (!payload.success) {
            report(job, { ok: false, error: `not a notice job: ${job.payload}`, permanent: true });
            continue;
          }
          const sub = subs.get(payload.data.subscription);
          if (!sub) {
            report(job, { ok: true, result: SKIPPED });
            continue;
          }
          try {
            await deliver(job, sub, await render(job.ref_id, localeOf(sub, config.defaultLocale)), l);
            report(job, { ok: true });
          } catch (err) {
            report(job, {
              ok: false,
              error: (err as Error).message,
              permanent: err instanceof PermanentError,
            });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, wanted.length) }, lane));
    },
    async run(job) {
      let outcome: Outcome | undefined;
      await notice.runBatch?.([job], (_, o) => {
        outcome = o;
      });
      if (!outcome) throw new Error('the notice was not delivered');
      if (!outcome.ok) throw outcome.permanent ? new PermanentError(outcome.error) : new Error(outcome.error);
      return outcome.result ?? null;
    },
  };

  const subscriptionMails: JobHandler = {
    async run(job) {
      const payload = mailJob.safeParse(parseJson(job.payload));
      if (!payload.success) throw new PermanentError(`not a subscription mail job: ${job.payload}`);
      const { mail } = payload.data;
      const sub = await loadSubscription(db, job.ref_id);
      // Confirmed, removed or replaced meanwhile: the mail would no longer be true.
      if (mail === 'confirm' && (sub?.state !== 'pending' || !sub.confirm_nonce)) return SKIPPED;
      if (mail === 'reminder' && sub?.state !== 'active') return SKIPPED;
      if (!sub) return SKIPPED;
      const l = await linksOnce();
      // In the subscriber's language, and so is the page its link opens.
      const locale = localeOf(sub, config.defaultLocale);
      const link = inLanguage(
        mail === 'confirm' ? l.confirmUrl(sub.id, sub.confirm_nonce as string) : l.manageUrl(sub.id),
        locale,
      );
      await mailer.send(
        subscriptionMail(mail, { to: sub.address, link, messageId: `<${job.id}@${domain}>`, config, locale }),
      );
      return null;
    },
  };

  const verify: JobHandler = {
    async run(job) {
      const sub = await loadSubscription(db, job.ref_id);
      // Removed, or confirmed by its link meanwhile: the request would no longer be true.
      if (!sub) return SKIPPED;
      if (sub.state !== 'pending' || !sub.confirm_nonce) return { skipped: 'already verified' };
      const channel: NoticeChannel = channels[sub.channel];
      if (!channel.verification) throw new PermanentError(`subscription ${sub.id} is not a webhook`);
      if (!sub.secret) throw new PermanentError(`webhook subscription ${sub.id} has no signing secret`);
      const expiresAt = sub.confirm_expires_at ?? '';
      if (Date.parse(expiresAt) <= Date.now()) return { skipped: 'verification expired' };
      const nonce = sub.confirm_nonce;
      const locale = localeOf(sub, config.defaultLocale);
      const request = {
        // The nonce the confirmation link signs doubles as the challenge: both prove the same reading.
        challenge: nonce,
        // Opened by a person (a Slack message's reader, or whoever gets the JSON), so in their language.
        confirmUrl: inLanguage((await linksOnce()).confirmUrl(sub.id, nonce), locale),
        expiresAt,
        createdAt: job.created_at,
      };
      const body = channel.verification(request, config, createTranslator(locale));
      const answer = await postWebhook(
        { url: sub.address, secret: sub.secret },
        body,
        `msg_${job.id}`,
        policy,
      );
      if (echoesChallenge(answer, nonce) && (await confirmSubscription(db, sub.id, nonce))) {
        return { verified: 'challenge' };
      }
      // Received but not answered: a person may still follow the link until it expires.
      return { verified: false, waiting_for: 'confirm_url' };
    },
  };

  return {
    [NOTICE_JOB]: notice,
    [SUBSCRIPTION_MAIL_JOB]: subscriptionMails,
    [SUBSCRIPTION_VERIFY_JOB]: verify,
  };
}
