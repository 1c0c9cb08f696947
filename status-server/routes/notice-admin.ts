import { Hono } from 'hono';
import { entityId } from '../../shared/schemas/status.ts';
import type { Config } from '../config.ts';
import { incidentNoticeStatus } from '../notices/status.ts';
import type { Store } from '../platform/db.ts';
import { jsonBody } from '../platform/http/body.ts';
import { invalid, notFound } from '../platform/http/errors.ts';
import type { SubscriptionConfig } from '../subscriptions/config.ts';
import { subscribeRequest } from '../subscriptions/input.ts';
import { subscriptionService, webhookAnswer } from '../subscriptions/service.ts';

/**
 * The admin side of notices. Mounted inside the admin API, after its bearer-token check: this app
 * checks no credentials itself.
 */
export function noticeAdminRoutes(deps: { store: Store; config: Config; subscriptions: SubscriptionConfig }) {
  const { db } = deps.store;
  const service = subscriptionService({
    store: deps.store,
    publicUrl: deps.config.publicUrl,
    defaultLocale: deps.config.defaultLocale,
    settings: deps.subscriptions,
  });
  return (
    new Hono()
      // How an incident's (or maintenance's) notices fared: sent, pending, failed, last error.
      .get('/incidents/:id/notices', async (c) => {
        const id = c.req.param('id');
        const exists =
          entityId.safeParse(id).success &&
          (await db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst());
        if (!exists) throw notFound('incident', id);
        return c.json({ incident_id: id, ...(await incidentNoticeStatus(db, id)) });
      })
      // A webhook subscription made for a receiver (e.g. the team's own Slack channel). An admin is
      // trusted with where it points: it is active at once, with no verification request. Its
      // language is the `locale` given, else the page's default.
      .post('/subscriptions', async (c) => {
        const input = await jsonBody(c, subscribeRequest);
        if (input.webhook_url === undefined) {
          throw invalid([
            { path: 'webhook_url', message: 'admins add webhooks; e-mail addresses subscribe themselves' },
          ]);
        }
        return c.json(
          webhookAnswer(
            await service.addWebhook({ ...input, webhook_url: input.webhook_url }, { trusted: true }),
          ),
          201,
        );
      })
  );
}
