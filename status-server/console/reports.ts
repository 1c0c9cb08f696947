import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { issuesFromZod } from '../../shared/schemas/error.ts';
import { reportState, requestText } from '../../shared/schemas/report.ts';
import { entityId, hostName } from '../../shared/schemas/status.ts';
import { Invalid } from '../domain/errors.ts';
import { supportStates } from '../domain/request-lifecycle.ts';
import { retryNow } from '../platform/jobs/queue.ts';
import { forwardingStatus } from '../reports/forwarding.ts';
import { attachmentResponse } from '../reports/serve.ts';
import { loadEventFile } from '../requests/events.ts';
import { loadRequest, supportUpdate } from '../requests/service.ts';
import { INBOX_PAGE_SIZE, inboxChoices, listInbox } from '../store/inbox.ts';
import { loadAttachmentData, loadReportByReference, type StoredReport } from '../store/reports.ts';
import { emptyForm, type FormState } from '../views/console/form.ts';
import { renderInbox } from '../views/console/inbox.ts';
import { renderReport } from '../views/console/report.ts';
import { fieldErrors, readForm, submit } from './forms.ts';
import { type ConsoleDeps, type ConsoleEnv, problem, viewOf } from './guard.ts';

/** The inbox's query string; unknown parameters are ignored, wrong values are named on the page. */
const inboxQuery = z.object({
  sort: z.enum(['received', 'deadline']).default('received'),
  state: reportState.optional(),
  incident: z.union([z.literal('none'), entityId]).optional(),
  host: hostName.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

const reference = z.string().regex(/^SD-\d{1,12}$/);

/** The report page's request form: a state support may set (none: unchanged), a reply for the customer. */
const requestUpdate = z.object({
  state: z.enum(supportStates).optional(),
  reply: requestText.optional(),
});

/** The report inbox (the console's home), one report's page with its images, and "Retry now". */
export function reportRoutes(deps: ConsoleDeps) {
  const { store, config } = deps;
  const { db } = store;

  const requests = { db, config };

  /** The report's page; with a form that was refused, shown again with its errors (400). */
  const page = async (c: Context<ConsoleEnv>, stored: StoredReport, requestForm?: FormState) => {
    const incident = stored.row.incident_id
      ? await db
          .selectFrom('incidents')
          .select(['id', 'name'])
          .where('id', '=', stored.row.incident_id)
          .executeTakeFirst()
      : undefined;
    const forwarding = await forwardingStatus(db, stored.row.id);
    const retried = c.req.query('retried') === '1';
    const request = await loadRequest(requests, stored.row.id);
    return c.html(
      renderReport(
        { stored, incident, forwarding, retried, request, requestForm: requestForm ?? emptyForm() },
        viewOf(c, config),
      ),
      requestForm ? 400 : 200,
    );
  };

  const findReport = async (ref: string) =>
    reference.safeParse(ref).success ? loadReportByReference(db, ref) : undefined;

  return new Hono<ConsoleEnv>()
    .get('/', async (c) => {
      const given = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
      const parsed = inboxQuery.safeParse(given);
      const query = parsed.data ?? inboxQuery.parse({});
      const form = {
        values: new URLSearchParams(given),
        errors: parsed.success
          ? {}
          : fieldErrors(issuesFromZod(parsed.error), ['sort', 'state', 'incident', 'host', 'page']),
      };
      const [{ rows, total }, choices] = await Promise.all([
        parsed.success
          ? listInbox(db, { filter: query, order: query.sort, page: query.page })
          : Promise.resolve({ rows: [], total: 0 }),
        inboxChoices(db),
      ]);
      const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
      const view = { rows, total, page: query.page, pages, order: query.sort, form, choices };
      return c.html(renderInbox(view, viewOf(c, config)), parsed.success ? 200 : 400);
    })
    .get('/reports/:reference', async (c) => {
      const stored = await findReport(c.req.param('reference'));
      if (!stored)
        return problem(c, config, 404, 'console.problem.notFoundTitle', 'console.problem.noReport');
      return page(c, stored);
    })
    .post('/reports/:reference/request', async (c) => {
      const stored = await findReport(c.req.param('reference'));
      if (!stored)
        return problem(c, config, 404, 'console.problem.notFoundTitle', 'console.problem.noReport');
      const form = await readForm(c);
      const view = viewOf(c, config);
      const input = { state: form.get('state') || undefined, reply: form.get('reply') || undefined };
      const saved = await submit(requestUpdate, input, ['state', 'reply'], async (d) => {
        // Neither a new state nor a reply: say so rather than pretend something was saved.
        if (!d.state && !d.reply)
          throw new Invalid([{ path: '', message: view.t('console.request.nothing') }]);
        await supportUpdate(requests, stored.row.id, d);
      });
      if (!saved.ok) return page(c, stored, { values: form, errors: saved.errors });
      return c.redirect(`/console/reports/${stored.row.reference}#request`, 303);
    })
    .get('/reports/:reference/attachments/:position', async (c) => {
      const position = c.req.param('position');
      const stored = /^\d{1,2}$/.test(position) ? await findReport(c.req.param('reference')) : undefined;
      const file = stored && (await loadAttachmentData(db, stored.row.id, Number(position)));
      if (!file)
        return problem(c, config, 404, 'console.problem.notFoundTitle', 'console.problem.noAttachment');
      // Only this browser may keep them: they are behind the console's login.
      return attachmentResponse(file, 'private, max-age=3600');
    })
    .get('/reports/:reference/events/:event/files/:position', async (c) => {
      const { event, position } = c.req.param();
      const stored =
        /^\d{1,2}$/.test(position) && /^[a-z0-9]{12}$/.test(event)
          ? await findReport(c.req.param('reference'))
          : undefined;
      const file = stored && (await loadEventFile(db, stored.row.id, event, Number(position)));
      if (!file)
        return problem(c, config, 404, 'console.problem.notFoundTitle', 'console.problem.noAttachment');
      return attachmentResponse(file, 'private, max-age=3600');
    })
    .post('/reports/:reference/retry', async (c) => {
      const stored = await findReport(c.req.param('reference'));
      if (!stored)
        return problem(c, config, 404, 'console.problem.notFoundTitle', 'console.problem.noReport');
      const waiting = (await forwardingStatus(db, stored.row.id)).filter(
        (f) => f.state === 'failed' || f.state === 'pending',
      );
      await retryNow(
        db,
        waiting.map((f) => f.job_id),
      );
      return c.redirect(`/console/reports/${stored.row.reference}?retried=1`, 303);
    });
}
