import { type Context, Hono } from 'hono';
import type { ApiIssue } from '../../shared/schemas/error.ts';
import { entityId, maintenanceCreate, maintenanceUpdateCreate } from '../../shared/schemas/status.ts';
import { loadIncident } from '../store/page-data.ts';
import { emptyForm, type FormState } from '../views/console/form.ts';
import type { ComponentChoices } from '../views/console/incidents.ts';
import {
  renderMaintenanceForm,
  renderMaintenanceList,
  renderMaintenancePage,
} from '../views/console/maintenance.ts';
import { readForm, submit, zonedToIso } from './forms.ts';
import { type ConsoleDeps, type ConsoleEnv, problem, viewOf } from './guard.ts';

const createFields = ['name', 'message', 'scheduled_for', 'scheduled_until', 'components'];

/** Scheduled maintenance: list, schedule, and move along scheduled → in progress → verifying → completed. */
export function maintenanceRoutes(deps: ConsoleDeps) {
  const { store, snapshots, status, config } = deps;
  const { db } = store;
  const choices = (): ComponentChoices => {
    const { components, groups } = snapshots.snapshot.data;
    return { components, groups };
  };
  const findMaintenance = async (id: string) => {
    const found = entityId.safeParse(id).success ? await loadIncident(db, id) : undefined;
    return found?.kind === 'maintenance' ? found : undefined;
  };
  const notFound = (c: Context<ConsoleEnv>) =>
    problem(c, config, 404, 'console.problem.notFoundTitle', 'console.problem.noMaintenance');

  const page = async (c: Context<ConsoleEnv>, id: string, form?: FormState) => {
    const maintenance = await findMaintenance(id);
    if (!maintenance) return notFound(c);
    const shown = form ?? emptyForm({ status: maintenance.status });
    return c.html(renderMaintenancePage(maintenance, choices(), shown, viewOf(c, config)), form ? 400 : 200);
  };

  return new Hono<ConsoleEnv>()
    .get('/', (c) => c.html(renderMaintenanceList(snapshots.snapshot.data.maintenances, viewOf(c, config))))
    .get('/new', (c) => c.html(renderMaintenanceForm(emptyForm(), choices(), viewOf(c, config))))
    .post('/', async (c) => {
      const form = await readForm(c);
      const view = viewOf(c, config);
      // Times are typed as the page's local time; one that is not a date and time is named as such.
      const times = ['scheduled_for', 'scheduled_until'].map((name) => [name, form.get(name) ?? ''] as const);
      const converted = Object.fromEntries(
        times.map(([name, v]) => [name, zonedToIso(v, config.timeZone) ?? v]),
      );
      const describe = (issue: ApiIssue) =>
        times.some(([name, v]) => name === issue.path && zonedToIso(v, config.timeZone) === undefined)
          ? view.t('console.maintenance.badTime')
          : issue.message;
      const input = {
        name: form.get('name') ?? '',
        message: form.get('message') ?? '',
        ...converted,
        components: form.getAll('components'),
      };
      const created = await submit(
        maintenanceCreate,
        input,
        createFields,
        (d) => status.createMaintenance(d),
        describe,
      );
      if (!created.ok) {
        return c.html(renderMaintenanceForm({ values: form, errors: created.errors }, choices(), view), 400);
      }
      return c.redirect(`/console/maintenance/${created.data}`, 303);
    })
    .get('/:id', (c) => page(c, c.req.param('id')))
    .post('/:id/updates', async (c) => {
      const id = c.req.param('id');
      if (!(await findMaintenance(id))) return notFound(c);
      const form = await readForm(c);
      const input = { status: form.get('status') ?? '', message: form.get('message') ?? '' };
      const posted = await submit(maintenanceUpdateCreate, input, ['status', 'message'], (d) =>
        status.addMaintenanceUpdate(id, d),
      );
      if (!posted.ok) return page(c, id, { values: form, errors: posted.errors });
      return c.redirect(`/console/maintenance/${id}`, 303);
    });
}
