import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { createTranslator } from '../../shared/i18n/index.ts';
import {
  componentCreate,
  componentUpdate,
  entityId,
  groupCreate,
  groupUpdate,
  incidentCreate,
  incidentResolve,
  incidentUpdateCreate,
  maintenanceCreate,
  maintenanceUpdateCreate,
} from '../../shared/schemas/status.ts';
import { verifyToken } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { jsonBody, jsonTooLarge, MAX_JSON_BODY } from '../platform/http/body.ts';
import { ApiFailure, notFound } from '../platform/http/errors.ts';
import { readersTurn } from '../snapshot/snapshots.ts';
import { V2Mapper } from '../snapshot/v2.ts';
import type { StatusService } from '../status/service.ts';
import { loadIncident, loadPageData } from '../store/page-data.ts';
import { noticeAdminRoutes } from './notice-admin.ts';

export interface AdminDeps {
  store: Store;
  status: StatusService;
  config: Config;
}

/**
 * Admin API: bearer tokens created with the CLI. Every write goes through the status service, so it
 * is on the page when the API answers. Answers are read from the database, as the API v2 shapes
 * them, without building pages: what another instance wrote a moment ago is in them too.
 */
export function adminRoutes(deps: AdminDeps) {
  const { store, status } = deps;
  const { db } = store;

  const requireToken = createMiddleware(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      c.header('www-authenticate', 'Bearer realm="snapdesk-admin"');
      throw new ApiFailure(401, 'unauthorized', 'an admin token is required: Authorization: Bearer <token>');
    }
    if (!(await verifyToken(db, match[1] as string))) {
      c.header('www-authenticate', 'Bearer realm="snapdesk-admin", error="invalid_token"');
      throw new ApiFailure(401, 'unauthorized', 'this admin token is unknown or revoked');
    }
    await next();
  });

  const limit = bodyLimit({
    maxSize: MAX_JSON_BODY,
    onError: () => {
      throw jsonTooLarge();
    },
  });

  /** A path id of the wrong form can name nothing stored: the same 404 as an unknown one. */
  const idParam = (what: string, value: string) => {
    if (!entityId.safeParse(value).success) throw notFound(what, value);
    return value;
  };

  const current = async () => {
    // Loaded while readers are being served, as the snapshot's build is: give them their turns.
    const data = await loadPageData(db, new Date(), readersTurn);
    // API v2 answers the same to every client: in the configured default language, as the snapshot's.
    return { data, v2: new V2Mapper(data, deps.config, createTranslator(deps.config.defaultLocale)) };
  };
  const incidentView = async (id: string, kind: 'incident' | 'maintenance') => {
    const record = await loadIncident(db, id);
    if (record?.kind !== kind) throw notFound(kind === 'incident' ? 'incident' : 'scheduled maintenance', id);
    const { v2 } = await current();
    return kind === 'incident' ? v2.incident(record) : v2.maintenance(record);
  };
  const componentView = async (id: string) => {
    const { data, v2 } = await current();
    const component = v2.componentList().find((c) => c.id === id);
    const hosts = data.components.find((c) => c.id === id)?.hosts ?? [];
    return { ...component, hosts };
  };

  return new Hono()
    .use('*', requireToken, limit)
    .route('/', noticeAdminRoutes({ store, config: deps.config, subscriptions: deps.config.subscriptions }))
    .get('/components', async (c) => {
      const { v2 } = await current();
      return c.json({ components: v2.componentList() });
    })
    .post('/groups', async (c) => {
      const group = await status.createGroup(await jsonBody(c, groupCreate));
      return c.json({ group: await componentView(group.id) }, 201);
    })
    .patch('/groups/:id', async (c) => {
      const id = idParam('component group', c.req.param('id'));
      await status.updateGroup(id, await jsonBody(c, groupUpdate));
      return c.json({ group: await componentView(id) });
    })
    .post('/components', async (c) => {
      const component = await status.createComponent(await jsonBody(c, componentCreate));
      return c.json({ component: await componentView(component.id) }, 201);
    })
    .patch('/components/:id', async (c) => {
      const id = idParam('component', c.req.param('id'));
      await status.updateComponent(id, await jsonBody(c, componentUpdate));
      return c.json({ component: await componentView(id) });
    })
    .post('/incidents', async (c) => {
      const id = await status.createIncident(await jsonBody(c, incidentCreate));
      return c.json({ incident: await incidentView(id, 'incident') }, 201);
    })
    .get('/incidents/:id', async (c) => {
      const id = idParam('incident', c.req.param('id'));
      return c.json({ incident: await incidentView(id, 'incident') });
    })
    .post('/incidents/:id/updates', async (c) => {
      const id = idParam('incident', c.req.param('id'));
      await status.addIncidentUpdate(id, await jsonBody(c, incidentUpdateCreate));
      return c.json({ incident: await incidentView(id, 'incident') }, 201);
    })
    .post('/incidents/:id/resolve', async (c) => {
      const id = idParam('incident', c.req.param('id'));
      await status.resolveIncident(id, await jsonBody(c, incidentResolve));
      return c.json({ incident: await incidentView(id, 'incident') });
    })
    .post('/maintenances', async (c) => {
      const id = await status.createMaintenance(await jsonBody(c, maintenanceCreate));
      return c.json({ scheduled_maintenance: await incidentView(id, 'maintenance') }, 201);
    })
    .post('/maintenances/:id/updates', async (c) => {
      const id = idParam('scheduled maintenance', c.req.param('id'));
      await status.addMaintenanceUpdate(id, await jsonBody(c, maintenanceUpdateCreate));
      return c.json({ scheduled_maintenance: await incidentView(id, 'maintenance') }, 201);
    });
}
