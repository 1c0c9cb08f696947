import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { componentRoutes } from '../console/components.ts';
import {
  type ConsoleDeps,
  type ConsoleEnv,
  checkCsrf,
  loadSession,
  problem,
  requireLogin,
  viewOf,
} from '../console/guard.ts';
import { incidentRoutes } from '../console/incidents.ts';
import { languageRoutes } from '../console/language.ts';
import { loginRoutes, logoutRoute } from '../console/login.ts';
import { maintenanceRoutes } from '../console/maintenance.ts';
import { reportRoutes } from '../console/reports.ts';
import { failureOf } from '../platform/http/errors.ts';
import { renderProblem } from '../views/console/problem.ts';

/** A console form is text only; the largest, an incident message, is 20,000 characters. */
const MAX_FORM_BYTES = 512 * 1024;

/** Pages carry customers' reports and a form token: never cached, framed, or leaked in a Referer. */
const headers = createMiddleware(async (c, next) => {
  await next();
  const set = (name: string, value: string) => {
    if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
  set(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  set('cache-control', 'no-store');
  set('referrer-policy', 'same-origin');
  set('x-content-type-options', 'nosniff');
  set('x-frame-options', 'DENY');
});

/**
 * The support console, mounted at `/console`: server-rendered pages behind a login, for the report
 * inbox and for incidents, components and maintenance. Writes go through the same status service
 * and schemas as the admin API, so the public page shows them before the console answers.
 */
export function consoleRoutes(deps: ConsoleDeps) {
  const { config } = deps;
  const app = new Hono<ConsoleEnv>()
    .use('*', headers, loadSession(deps))
    .use(
      '*',
      bodyLimit({
        maxSize: MAX_FORM_BYTES,
        onError: (c) => problem(c, config, 413, 'console.problem.tooLargeTitle', 'console.problem.tooLarge'),
      }),
    )
    // The login page answers before the guard below, which every other console route is behind.
    .route('/', loginRoutes(deps))
    .use('*', requireLogin, checkCsrf(config))
    .route('/', logoutRoute(deps))
    .route('/', languageRoutes(deps))
    .route('/', reportRoutes(deps))
    .route('/incidents', incidentRoutes(deps))
    .route('/', componentRoutes(deps))
    .route('/maintenance', maintenanceRoutes(deps));

  app.onError((err, c) => {
    const refused = failureOf(err);
    if (refused && refused.status < 500) {
      const view = viewOf(c, config);
      return c.html(
        renderProblem(view.t('console.problem.refusedTitle'), refused.message, view),
        refused.status,
      );
    }
    console.error(`console: ${c.req.method} ${c.req.path} failed:`, err);
    return problem(c, config, 500, 'console.problem.failedTitle', 'console.problem.failed');
  });
  return app;
}
