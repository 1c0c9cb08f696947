import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { availableLocales, createTranslator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { jsonBody } from '../platform/http/body.ts';
import { clientAddress } from '../platform/http/client.ts';
import { ApiFailure, failureOf, invalid, invalidFromZod, renderError } from '../platform/http/errors.ts';
import { LOCALE_COOKIE, pagePath, requestLocale } from '../platform/http/locale.ts';
import { rateLimit } from '../platform/http/rate-limit.ts';
import type { Snapshots } from '../snapshot/snapshots.ts';
import type { SubscriptionConfig } from '../subscriptions/config.ts';
import { choicesUpdate, emptyChoice, fromForm, subscribeRequest } from '../subscriptions/input.ts';
import { inLanguage, localeOf } from '../subscriptions/locale.ts';
import { subscriptionService, webhookAnswer } from '../subscriptions/service.ts';
import {
  checkScope,
  confirmSubscription,
  loadSubscription,
  removeSubscription,
  type SubscriptionView,
  updateChoices,
} from '../subscriptions/store.ts';
import {
  renderConfirm,
  renderConfirmed,
  renderManage,
  renderProblem,
  renderUnsubscribeAsk,
  renderUnsubscribed,
} from '../views/manage.ts';
import { renderCheckInbox, renderSubscribe, renderWebhookAdded } from '../views/subscribe.ts';
import type { ScopeChoice } from '../views/subscribe-scope.ts';
import { privatePage } from './private-page.ts';

/** A subscription request is a few fields; anything larger is refused before it is read. */
const MAX_BODY = 16 * 1024;

export interface SubscriptionDeps {
  config: Config;
  store: Store;
  snapshots: Snapshots;
  subscriptions: SubscriptionConfig;
  /** Wakes the delivery worker, so a confirmation mail leaves at once. */
  onQueued?: () => void;
}

const choiceOf = (s: { all_components: number; maintenance: number; targets: string[] }): ScopeChoice => ({
  all: s.all_components === 1,
  targets: s.targets,
  maintenance: s.maintenance === 1,
});

/**
 * Subscribing (the form on `/subscribe` and `POST /api/subscriptions`), confirming, managing and
 * leaving. Browsers get pages, API clients the JSON error shape; every refusal is a 4xx that
 * changes nothing stored.
 */
export function subscriptionRoutes(deps: SubscriptionDeps) {
  const { config, store } = deps;
  const { db } = store;
  const { subscribe, byConfirmLink, byManageLink, links } = subscriptionService({
    store,
    publicUrl: config.publicUrl,
    defaultLocale: config.defaultLocale,
    settings: deps.subscriptions,
    onQueued: deps.onQueued,
  });
  /**
   * Pages about one subscriber are built per request, in the request's language, or in `locale`:
   * the language a form named (the page it was sent from, or the one just chosen on the manage page).
   */
  const view = (c: Context, locale?: string) => {
    const chosen = locale ?? requestLocale(c, config.defaultLocale);
    return {
      config,
      locale: chosen,
      t: createTranslator(chosen),
      now: new Date(),
      path: pagePath(c.req.url),
    };
  };
  /**
   * Where a form on a page about one subscriber posts to. A page opened in a language by `?lang=` (the
   * links in our mails) or just chosen on the manage page posts in it too, so the answer speaks it
   * even where no cookie is kept.
   */
  const actionFor = (c: Context, path: string, locale: string, chosen = false) =>
    chosen || c.req.url.includes('lang=') ? inLanguage(path, locale) : path;
  /** A form's `locale` field when it names a language we have; a wrong one is refused by the schema. */
  const namedLocale = (raw: Record<string, unknown>) =>
    typeof raw.locale === 'string' && availableLocales.includes(raw.locale) ? raw.locale : undefined;
  const data = () => deps.snapshots.snapshot.data;

  const perClient = rateLimit({
    perMinute: deps.subscriptions.subscribePerMinute,
    burst: Math.ceil(deps.subscriptions.subscribePerMinute / 2),
    key: (c) => clientAddress(c, config.trustProxy),
  });
  const limit = bodyLimit({
    maxSize: MAX_BODY,
    onError: () => {
      throw new ApiFailure(
        413,
        'payload_too_large',
        `a subscription request may be at most ${MAX_BODY / 1024} KB`,
      );
    },
  });

  const form = async (c: Context) => {
    if (
      !/^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(
        c.req.header('content-type') ?? '',
      )
    ) {
      throw new ApiFailure(
        415,
        'unsupported_media_type',
        'the form must be sent as application/x-www-form-urlencoded',
      );
    }
    return c.req.parseBody({ all: true });
  };

  const managePage = (
    c: Context,
    sub: SubscriptionView,
    o: { saved: boolean; problem?: string; status?: ContentfulStatusCode; locale?: string },
  ) => {
    const token = c.req.param('token') as string;
    const ctx = view(c, o.locale);
    const chosen = o.locale !== undefined;
    return privatePage(
      c,
      renderManage(
        data(),
        {
          address: sub.address,
          action: actionFor(c, `/subscriptions/manage/${token}`, ctx.locale, chosen),
          unsubscribe: actionFor(c, `/subscriptions/unsubscribe/${token}`, ctx.locale, chosen),
          choice: choiceOf(sub),
          locale: localeOf(sub, config.defaultLocale),
          saved: o.saved,
          problem: o.problem,
        },
        ctx,
      ),
      o.status,
    );
  };

  const app = new Hono()
    .get('/subscribe', (c) => privatePage(c, renderSubscribe(data(), view(c))))
    .post('/subscribe', perClient, limit, async (c) => {
      const fields = await form(c);
      const raw = fromForm(fields);
      // The form says which language its page was in: the subscriber's, and the answer's.
      const ctx = view(c, namedLocale(raw));
      const which = 'webhook_url' in raw ? 'webhook' : 'email';
      const targets = [...(raw.components as string[]), ...(raw.groups as string[])];
      const state = {
        email: typeof raw.email === 'string' ? raw.email : undefined,
        webhookUrl: typeof raw.webhook_url === 'string' ? raw.webhook_url : undefined,
        choice: { all: !targets.length, targets, maintenance: raw.maintenance === true },
      };
      try {
        const parsed = subscribeRequest.safeParse(raw);
        if (!parsed.success) throw invalidFromZod(parsed.error);
        if (emptyChoice(fields, parsed.data)) {
          throw invalid([
            { path: 'components', message: 'tick at least one component or group, or choose all of them' },
          ]);
        }
        const done = await subscribe({ ...parsed.data, locale: parsed.data.locale ?? ctx.locale });
        if (done.channel === 'email') return privatePage(c, renderCheckInbox(done.email, ctx));
        return privatePage(c, renderWebhookAdded(done, ctx), done.state === 'pending' ? 202 : 201);
      } catch (err) {
        const refused = failureOf(err);
        if (!refused) throw err;
        return privatePage(
          c,
          renderSubscribe(data(), ctx, { ...state, problem: { form: which, message: refused.message } }),
          refused.status,
        );
      }
    })
    .post('/api/subscriptions', perClient, limit, async (c) => {
      const input = await jsonBody(c, subscribeRequest);
      // Without a `locale`, the language the request asks for (?lang=, the cookie, Accept-Language).
      const done = await subscribe({
        ...input,
        locale: input.locale ?? requestLocale(c, config.defaultLocale),
      });
      if (done.channel === 'email') {
        return c.json(
          {
            subscription: { channel: 'email', address: done.email, state: 'pending', locale: done.locale },
            message: `a confirmation link was sent to ${done.email}; nothing else is sent until it is followed`,
          },
          202,
        );
      }
      // Accepted, not yet in effect, while the receiver has to prove it wants the notices.
      return c.json(webhookAnswer(done), done.state === 'pending' ? 202 : 201);
    })
    .get('/subscriptions/confirm/:token', async (c) => {
      const { sub } = await byConfirmLink(c.req.param('token'));
      const ctx = view(c);
      const action = actionFor(c, `/subscriptions/confirm/${c.req.param('token')}`, ctx.locale);
      return privatePage(c, renderConfirm({ address: sub.address, action }, ctx));
    })
    .post('/subscriptions/confirm/:token', limit, async (c) => {
      const { sub, nonce } = await byConfirmLink(c.req.param('token'));
      if (!(await confirmSubscription(db, sub.id, nonce))) {
        throw new ApiFailure(410, 'link_used', 'this confirmation link was already used');
      }
      return privatePage(
        c,
        renderConfirmed({ address: sub.address, manageUrl: (await links()).manageUrl(sub.id) }, view(c)),
      );
    })
    .get('/subscriptions/manage/:token', async (c) => {
      const sub = await byManageLink(c.req.param('token'));
      // The subscriber's own page speaks their language, unless this request names one.
      const named = c.req.url.includes('lang=') || getCookie(c, LOCALE_COOKIE) !== undefined;
      return managePage(
        c,
        sub,
        named ? { saved: false } : { saved: false, locale: localeOf(sub, config.defaultLocale) },
      );
    })
    .post('/subscriptions/manage/:token', limit, async (c) => {
      const sub = await byManageLink(c.req.param('token'));
      const fields = await form(c);
      let locale: string | undefined;
      try {
        const parsed = choicesUpdate.safeParse(fromForm(fields));
        if (!parsed.success) throw invalidFromZod(parsed.error);
        if (emptyChoice(fields, parsed.data)) {
          throw invalid([
            { path: 'components', message: 'tick at least one component or group, or choose all of them' },
          ]);
        }
        await checkScope(db, parsed.data);
        await updateChoices(db, sub.id, parsed.data);
        locale = parsed.data.locale;
      } catch (err) {
        const refused = failureOf(err);
        if (!refused) throw err;
        return managePage(c, sub, { saved: false, problem: refused.message, status: refused.status });
      }
      // Confirmed in the language just chosen.
      return managePage(c, (await loadSubscription(db, sub.id)) ?? sub, { saved: true, locale });
    })
    .get('/subscriptions/unsubscribe/:token', async (c) => {
      const sub = await byManageLink(c.req.param('token'));
      const ctx = view(c);
      const action = actionFor(c, `/subscriptions/unsubscribe/${c.req.param('token')}`, ctx.locale);
      return privatePage(c, renderUnsubscribeAsk({ address: sub.address, action }, ctx));
    })
    // RFC 8058 one-click: mail providers POST `List-Unsubscribe=One-Click` here, with no cookie or login.
    .post('/subscriptions/unsubscribe/:token', limit, async (c) => {
      const sub = await byManageLink(c.req.param('token'));
      await removeSubscription(db, sub.id);
      return privatePage(c, renderUnsubscribed(view(c)));
    });

  app.onError((err, c) => {
    const refused = failureOf(err) ?? (err instanceof HTTPException ? err : undefined);
    if (c.req.path.startsWith('/api/') || !refused) return renderError(err, c);
    return privatePage(c, renderProblem(refused.message, view(c)), refused.status as ContentfulStatusCode);
  });
  return app;
}
