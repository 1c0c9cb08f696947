import { type Context, Hono } from 'hono';
import {
  entityId,
  incidentCreate,
  incidentResolve,
  incidentUpdateCreate,
} from '../../shared/schemas/status.ts';
import { reportCounts, reportsOfIncident } from '../store/inbox.ts';
import { loadIncident } from '../store/page-data.ts';
import { emptyForm, type FormState } from '../views/console/form.ts';
import { renderConsoleIncident } from '../views/console/incident.ts';
import { type ComponentChoices, renderIncidentForm, renderIncidentList } from '../views/console/incidents.ts';
import { componentStatuses, optional, readForm, submit } from './forms.ts';
import { type ConsoleDeps, type ConsoleEnv, problem, viewOf } from './guard.ts';

/** Incidents for people: list, declare, follow up, resolve, and see the reports each one explains. */
export function incidentRoutes(deps: ConsoleDeps) {
  const { store, snapshots, status, config } = deps;
  const { db } = store;

  const choices = (): ComponentChoices => {
    const { components, groups } = snapshots.snapshot.data;
    return { components, groups };
  };
  const fields = (extra: string[]) => [...extra, ...choices().components.map((c) => `components.${c.id}`)];
  const notFound = (c: Context<ConsoleEnv>) =>
    problem(c, config, 404, 'console.problem.notFoundTitle', 'console.problem.noIncident');

  const findIncident = async (id: string) => {
    const found = entityId.safeParse(id).success ? await loadIncident(db, id) : undefined;
    return found?.kind === 'incident' ? found : undefined;
  };

  /** The incident's page with either form re-shown after a mistake. */
  const incidentPage = async (
    c: Context<ConsoleEnv>,
    id: string,
    forms: { update?: FormState; resolve?: FormState } = {},
  ) => {
    const incident = await findIncident(id);
    if (!incident) return notFound(c);
    const [reports, counts] = await Promise.all([reportsOfIncident(db, id), reportCounts(db, [id])]);
    const view = {
      incident,
      choices: choices(),
      reports,
      reportTotal: counts.get(id) ?? 0,
      update: forms.update ?? emptyForm({ status: incident.status }),
      resolve: forms.resolve ?? emptyForm(),
    };
    const status = forms.update || forms.resolve ? 400 : 200;
    return c.html(renderConsoleIncident(view, viewOf(c, config)), status);
  };

  return new Hono<ConsoleEnv>()
    .get('/', async (c) => {
      const incidents = snapshots.snapshot.data.incidents;
      const counts = await reportCounts(
        db,
        incidents.map((i) => i.id),
      );
      return c.html(renderIncidentList(incidents, counts, viewOf(c, config)));
    })
    .get('/new', (c) =>
      c.html(
        renderIncidentForm(
          emptyForm({ impact: 'minor', status: 'investigating' }),
          choices(),
          viewOf(c, config),
        ),
      ),
    )
    .post('/', async (c) => {
      const form = await readForm(c);
      const names = fields(['name', 'impact', 'status', 'message']);
      const input = {
        name: form.get('name') ?? '',
        impact: optional(form, 'impact'),
        status: optional(form, 'status'),
        message: form.get('message') ?? '',
        components: componentStatuses(form),
      };
      const created = await submit(incidentCreate, input, names, (data) => status.createIncident(data));
      if (!created.ok) {
        const view = viewOf(c, config);
        return c.html(renderIncidentForm({ values: form, errors: created.errors }, choices(), view), 400);
      }
      return c.redirect(`/console/incidents/${created.data}`, 303);
    })
    .get('/:id', (c) => incidentPage(c, c.req.param('id')))
    .post('/:id/updates', async (c) => {
      const id = c.req.param('id');
      if (!(await findIncident(id))) return notFound(c);
      const form = await readForm(c);
      const names = fields(['status', 'impact', 'message']);
      const input = {
        status: form.get('status') ?? '',
        message: form.get('message') ?? '',
        impact: optional(form, 'impact'),
        components: componentStatuses(form),
      };
      const posted = await submit(incidentUpdateCreate, input, names, (data) =>
        status.addIncidentUpdate(id, data),
      );
      if (!posted.ok) return incidentPage(c, id, { update: { values: form, errors: posted.errors } });
      return c.redirect(`/console/incidents/${id}`, 303);
    })
    .post('/:id/resolve', async (c) => {
      const id = c.req.param('id');
      if (!(await findIncident(id))) return notFound(c);
      const form = await readForm(c);
      // The field is `resolution` on the page, so it does not share an id with the update form's message.
      const input = { message: optional(form, 'resolution') };
      const resolved = await submit(incidentResolve, input, [], (data) => status.resolveIncident(id, data));
      if (!resolved.ok) {
        const errors = { resolution: Object.values(resolved.errors).flat() };
        return incidentPage(c, id, { resolve: { values: form, errors } });
      }
      return c.redirect(`/console/incidents/${id}`, 303);
    });
}
