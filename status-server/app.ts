import { Hono } from 'hono';
import type { BadgeServer } from './badges/serve.ts';
import type { Config } from './config.ts';
import type { Store } from './platform/db.ts';
import { ApiFailure, renderError } from './platform/http/errors.ts';
import { withBaselineHeaders } from './platform/http/headers.ts';
import { pagePath, requestTranslation } from './platform/http/locale.ts';
import type { StatusCall } from './requests/status-call.ts';
import { adminRoutes } from './routes/admin.ts';
import { API_V2, apiV2Routes } from './routes/api-v2.ts';
import { badgeRoutes } from './routes/badges.ts';
import { consoleRoutes } from './routes/console.ts';
import { feedRoutes } from './routes/feeds.ts';
import { formConfigRoutes } from './routes/form-config.ts';
import { helpdeskRoutes } from './routes/helpdesk.ts';
import { reportRoutes } from './routes/reports.ts';
import { requestMailRoutes } from './routes/request-mails.ts';
import { statusPageRoutes } from './routes/status-page.ts';
import { subscriptionRoutes } from './routes/subscriptions.ts';
import type { Snapshots } from './snapshot/snapshots.ts';
import type { StatusService } from './status/service.ts';
import { renderNotFound } from './views/not-found.ts';

export interface AppDeps {
  config: Config;
  store: Store;
  snapshots: Snapshots;
  /** Status writes for the admin API and the console. */
  status: StatusService;
  /** Help-desk connectors that are configured; each received report is forwarded to all of them. */
  connectors: readonly string[];
  /** The badges, built from the snapshot (the listener's fast lane serves the same ones). */
  badges: BadgeServer;
  /** The batched status call, for the app's route and the listener's lane alike. */
  statusCall: StatusCall;
  /** Wakes the delivery worker after a report is queued. */
  onQueued?: () => void;
}

export function createApp(deps: AppDeps) {
  const app = new Hono()
    .route('/', statusPageRoutes(deps))
    .route(API_V2, apiV2Routes(deps.snapshots))
    .route('/api/admin', adminRoutes(deps))
    .route('/api', reportRoutes(deps))
    .route('/api', formConfigRoutes(deps.config.formConfig))
    .route('/api', helpdeskRoutes(deps))
    .route('/console', consoleRoutes(deps))
    .route('/', subscriptionRoutes({ ...deps, subscriptions: deps.config.subscriptions }))
    .route('/', requestMailRoutes(deps))
    .route('/', feedRoutes(deps))
    .route('/', badgeRoutes(deps.badges))
    .get('/healthz', (c) => c.json({ ok: true, revision: deps.snapshots.snapshot.revision }));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      return renderError(
        new ApiFailure(404, 'not_found', `no API endpoint ${c.req.method} ${c.req.path}`),
        c,
      );
    }
    const view = {
      config: deps.config,
      ...requestTranslation(c, deps.config.defaultLocale),
      now: new Date(),
      path: pagePath(c.req.url),
    };
    return c.html(renderNotFound(view), 404);
  });
  app.onError(renderError);
  return withBaselineHeaders(app);
}

export type AppType = ReturnType<typeof createApp>;
