import { type Context, Hono } from 'hono';
import type { ApiIssue } from '../../shared/schemas/error.ts';
import {
  componentCreate,
  componentUpdate,
  entityId,
  groupCreate,
  groupUpdate,
} from '../../shared/schemas/status.ts';
import { renderComponentForm, renderComponentList, renderGroupForm } from '../views/console/components.ts';
import { emptyForm } from '../views/console/form.ts';
import { hostList, readForm, submit } from './forms.ts';
import { type ConsoleDeps, type ConsoleEnv, problem, viewOf } from './guard.ts';

const componentFields = ['name', 'description', 'group_id', 'hosts', 'status'];
const groupFields = ['name', 'description'];

/** The schema names a bad host by its place in the list (`hosts.2`); the message names the host itself. */
const namingHost = (hosts: string[]) => (issue: ApiIssue) => {
  const host = hosts[Number(/^hosts\.(\d+)$/.exec(issue.path)?.[1] ?? Number.NaN)];
  return host === undefined ? issue.message : `“${host}”: ${issue.message}`;
};

/** The form's values in the shape of the shared schema; an edit may clear the description and group. */
function componentInput(form: URLSearchParams, editing: boolean) {
  const description = form.get('description') ?? '';
  const group = form.get('group_id') ?? '';
  return {
    name: form.get('name') ?? '',
    ...(description || editing ? { description } : {}),
    ...(group ? { group_id: group } : editing ? { group_id: null } : {}),
    hosts: hostList(form.get('hosts') ?? ''),
    status: form.get('status') || undefined,
  };
}

/** Components and their groups: list, create, edit (name, description, group, host names, status). */
export function componentRoutes(deps: ConsoleDeps) {
  const { snapshots, status, config } = deps;
  const data = () => snapshots.snapshot.data;
  const notFound = (c: Context<ConsoleEnv>) =>
    problem(c, config, 404, 'console.problem.notFoundTitle', 'console.problem.noComponent');

  /** Saves a component form (creates one when `id` is undefined) or shows it again with what is wrong. */
  const saveComponent = async (c: Context<ConsoleEnv>, id: string | undefined) => {
    const form = await readForm(c);
    const input = componentInput(form, id !== undefined);
    const describe = namingHost(input.hosts);
    const saved = id
      ? await submit(componentUpdate, input, componentFields, (d) => status.updateComponent(id, d), describe)
      : await submit(componentCreate, input, componentFields, (d) => status.createComponent(d), describe);
    if (!saved.ok) {
      const view = viewOf(c, config);
      return c.html(
        renderComponentForm({ values: form, errors: saved.errors }, data().groups, id, view),
        400,
      );
    }
    return c.redirect('/console/components', 303);
  };

  const saveGroup = async (c: Context<ConsoleEnv>, id: string | undefined) => {
    const form = await readForm(c);
    const description = form.get('description') ?? '';
    const input = { name: form.get('name') ?? '', ...(description || id ? { description } : {}) };
    const saved = id
      ? await submit(groupUpdate, input, groupFields, (d) => status.updateGroup(id, d))
      : await submit(groupCreate, input, groupFields, (d) => status.createGroup(d));
    if (!saved.ok)
      return c.html(renderGroupForm({ values: form, errors: saved.errors }, id, viewOf(c, config)), 400);
    return c.redirect('/console/components', 303);
  };

  const findComponent = (id: string) =>
    entityId.safeParse(id).success ? data().components.find((c) => c.id === id) : undefined;
  const findGroup = (id: string) =>
    entityId.safeParse(id).success ? data().groups.find((g) => g.id === id) : undefined;

  return new Hono<ConsoleEnv>()
    .get('/components', (c) =>
      c.html(renderComponentList(data().components, data().groups, viewOf(c, config))),
    )
    .get('/components/new', (c) =>
      c.html(
        renderComponentForm(
          emptyForm({ status: 'operational' }),
          data().groups,
          undefined,
          viewOf(c, config),
        ),
      ),
    )
    .post('/components', (c) => saveComponent(c, undefined))
    .get('/components/:id', (c) => {
      const component = findComponent(c.req.param('id'));
      if (!component) return notFound(c);
      const form = emptyForm({
        name: component.name,
        description: component.description ?? '',
        group_id: component.group_id ?? '',
        hosts: component.hosts.join('\n'),
        status: component.status,
      });
      return c.html(renderComponentForm(form, data().groups, component.id, viewOf(c, config)));
    })
    .post('/components/:id', (c) =>
      findComponent(c.req.param('id')) ? saveComponent(c, c.req.param('id')) : notFound(c),
    )
    .get('/groups/new', (c) => c.html(renderGroupForm(emptyForm(), undefined, viewOf(c, config))))
    .post('/groups', (c) => saveGroup(c, undefined))
    .get('/groups/:id', (c) => {
      const group = findGroup(c.req.param('id'));
      if (!group) return notFound(c);
      const form = emptyForm({ name: group.name, description: group.description ?? '' });
      return c.html(renderGroupForm(form, group.id, viewOf(c, config)));
    })
    .post('/groups/:id', (c) =>
      findGroup(c.req.param('id')) ? saveGroup(c, c.req.param('id')) : notFound(c),
    );
}
