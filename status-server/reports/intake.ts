import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { LIMITS } from '../../shared/limits.ts';
import { issuesFromZod } from '../../shared/schemas/error.ts';
import {
  type IncidentLink,
  type IntakeResponse,
  report as reportSchema,
} from '../../shared/schemas/report.ts';
import type { Config } from '../config.ts';
import { FORWARD_JOB } from '../connectors/config.ts';
import { type CandidateIncident, matchIncident } from '../domain/correlate.ts';
import { DomainError, Invalid } from '../domain/errors.ts';
import { safeFileName } from '../domain/file-names.ts';
import { newId } from '../domain/ids.ts';
import { type Sniffed, sniff } from '../domain/sniff.ts';
import type { Store } from '../platform/db.ts';
import { enqueue } from '../platform/jobs/queue.ts';
import type { Database } from '../platform/schema.ts';
import { serverKey, sign } from './keys.ts';

export { LIMITS };

export interface IntakeDeps {
  store: Store;
  config: Config;
  /** Help-desk connectors that are configured: one forwarding job each. */
  connectors: readonly string[];
  /** Tells the delivery worker there is work, so forwarding starts at once. */
  onQueued?: () => void;
}

export interface IntakeInput {
  idempotencyKey: string;
  report: unknown;
  files: Map<string, Uint8Array>;
  clientIp: string;
}

const capturedTypes = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Validates, stores and queues a report in one transaction; the same key always gets the same answer. */
export async function receiveReport(
  deps: IntakeDeps,
  input: IntakeInput,
): Promise<{ created: boolean; body: IntakeResponse }> {
  const parsed = reportSchema.safeParse(input.report);
  if (!parsed.success) throw new Invalid(issuesFromZod(parsed.error));
  const report = parsed.data;
  const files = checkFiles(report.attachments, input.files);

  const hash = createHash('sha256').update(JSON.stringify(report));
  for (const f of files) hash.update(createHash('sha256').update(f.data).digest('hex'));
  const requestHash = hash.digest('hex');

  const { db } = deps.store;
  const existing = await answerFor(deps, input.idempotencyKey, requestHash);
  if (existing) return { created: false, body: existing };

  const receivedAt = new Date();
  const url = new URL(report.environment.url);
  // A clock ahead of ours cannot have captured the future; one behind may be a report sent late.
  const capturedAt = new Date(Math.min(Date.parse(report.environment.captured_at), receivedAt.getTime()));
  const incident = await linkIncident(deps, report.incident_id, url.hostname, capturedAt);
  const level = report.priority ?? (report.type === 'feature' ? 'low' : 'normal');

  try {
    await db.transaction().execute(async (trx) => {
      const value = await nextReferenceNumber(trx, deps.store.dialect);
      const id = newId();
      await trx
        .insertInto('reports')
        .values({
          id,
          reference: `SD-${value}`,
          idempotency_key: input.idempotencyKey,
          request_hash: requestHash,
          type: report.type,
          title: report.title,
          priority: report.priority ?? null,
          body: JSON.stringify(report),
          page_url: report.environment.url,
          page_host: url.hostname,
          captured_at: capturedAt.toISOString(),
          received_at: receivedAt.toISOString(),
          deadline_at: new Date(receivedAt.getTime() + deps.config.responseTargets[level]).toISOString(),
          client_ip: input.clientIp,
          client_id: report.client_id ?? null,
          incident_id: incident?.id ?? null,
          incident_link: incident ? (report.incident_id ? 'reporter' : 'match') : null,
          state: 'received',
          external_ref: null,
          request_state: 'received',
          state_changed_at: receivedAt.toISOString(),
          notify_by_email: report.notify_by_email ? 1 : 0,
          event_count: 0,
          latest_comment_at: null,
          latest_comment_body: null,
        })
        .execute();
      if (files.length) {
        await trx
          .insertInto('report_attachments')
          .values(
            files.map((f, position) => ({
              id: newId(),
              report_id: id,
              position,
              name: safeFileName(f.meta.name, f.sniffed.type),
              kind: f.meta.kind,
              method: f.meta.method ?? null,
              truncated: f.meta.truncated ? 1 : 0,
              content_type: f.sniffed.type,
              size: f.data.byteLength,
              width: f.sniffed.width ?? null,
              height: f.sniffed.height ?? null,
              data: f.data,
            })),
          )
          .execute();
      }
      await enqueue(
        trx,
        deps.connectors.map((connector) => ({ kind: FORWARD_JOB, ref_id: id, payload: { connector } })),
      );
    });
  } catch (err) {
    // Two deliveries of the same report raced; the one that lost answers like a retry.
    const winner = await answerFor(deps, input.idempotencyKey, requestHash);
    if (winner) return { created: false, body: winner };
    throw err;
  }
  if (deps.connectors.length) deps.onQueued?.();
  const body = await answerFor(deps, input.idempotencyKey, requestHash);
  if (!body) throw new Error('a stored report could not be read back');
  return { created: true, body };
}

/** The next SD- number: a sequence on PostgreSQL (no lock held to the commit), the counter row on SQLite. */
export async function nextReferenceNumber(
  trx: Transaction<Database>,
  dialect: Store['dialect'],
): Promise<number> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ value: string }>`select nextval('report_reference_seq') as value`.execute(
      trx,
    );
    return Number(rows[0]?.value);
  }
  const { value } = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'report')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(value);
}

type FileMeta = (typeof reportSchema)['_output']['attachments'][number];

/** Every described part must be there and be what it claims by its bytes; no part may be extra. */
function checkFiles(metas: FileMeta[], files: Map<string, Uint8Array>) {
  const issues: { path: string; message: string }[] = [];
  if (files.size > LIMITS.maxFiles)
    issues.push({ path: 'attachments', message: `at most ${LIMITS.maxFiles} files` });
  for (const part of files.keys()) {
    if (!metas.some((m) => m.part === part)) {
      issues.push({ path: part, message: 'is not described in the report’s attachments' });
    }
  }
  const checked: { meta: FileMeta; data: Uint8Array; sniffed: Sniffed }[] = [];
  for (const [i, meta] of metas.entries()) {
    const refuse = (message: string) => issues.push({ path: `attachments.${i}`, message });
    const data = files.get(meta.part);
    if (!data) {
      refuse(`part ${meta.part} is missing from the upload`);
      continue;
    }
    if (data.byteLength > LIMITS.maxFileBytes) {
      refuse(`${meta.name} is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB`);
      continue;
    }
    const sniffed = sniff(data);
    if (!sniffed) {
      refuse(`${meta.name} is not a PNG, JPEG, WebP, GIF or PDF file`);
    } else if (meta.kind === 'capture' && !capturedTypes.has(sniffed.type)) {
      refuse(`${meta.name}: a capture must be a PNG, JPEG or WebP image`);
    } else {
      checked.push({ meta, data, sniffed });
    }
  }
  if (issues.length) throw new Invalid(issues);
  return checked;
}

async function answerFor(
  deps: IntakeDeps,
  key: string,
  requestHash: string,
): Promise<IntakeResponse | undefined> {
  const { db } = deps.store;
  const row = await db
    .selectFrom('reports')
    .select(['reference', 'request_hash', 'incident_id'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== requestHash) {
    throw new DomainError(
      'unprocessable',
      'idempotency_key_reused',
      'this Idempotency-Key was already used for a different report; use a new key for a new report',
    );
  }
  const incident = row.incident_id
    ? await db.selectFrom('incidents').selectAll().where('id', '=', row.incident_id).executeTakeFirst()
    : undefined;
  return {
    reference: row.reference,
    secret: sign(await serverKey(db, 'report-status'), row.reference),
    status_url: `${deps.config.publicUrl}/api/reports/${row.reference}/status`,
    incident: incident ? incidentLink(deps.config, incident) : null,
  };
}

export function incidentLink(config: Config, i: Database['incidents']): IncidentLink {
  return {
    id: i.id,
    name: i.name,
    status: i.status as IncidentLink['status'],
    impact: i.impact as IncidentLink['impact'],
    url: `${config.publicUrl}/incidents/${i.id}`,
  };
}

/** The reporter's chosen incident, which must exist; otherwise the best match by host and time. */
async function linkIncident(deps: IntakeDeps, chosen: string | undefined, host: string, at: Date) {
  const { db } = deps.store;
  if (chosen) {
    const found = await db
      .selectFrom('incidents')
      .select('id')
      .where('id', '=', chosen)
      .where('kind', '=', 'incident')
      .executeTakeFirst();
    if (!found) throw new Invalid([{ path: 'incident_id', message: `no incident with id ${chosen}` }]);
    return found;
  }
  return matchIncident(host, at, await candidatesAround(deps, at), deps.config.incidentWindowMs);
}

/** Incidents open around `at` with their components' host names. */
export async function candidatesAround(
  deps: Pick<IntakeDeps, 'store' | 'config'>,
  at: Date,
): Promise<CandidateIncident[]> {
  const window = deps.config.incidentWindowMs;
  const rows = await deps.store.db
    .selectFrom('incidents as i')
    .innerJoin('incident_components as ic', 'ic.incident_id', 'i.id')
    .innerJoin('component_hosts as h', 'h.component_id', 'ic.component_id')
    .select(['i.id', 'i.impact', 'i.started_at', 'i.created_at', 'i.resolved_at', 'h.host'])
    .where('i.kind', '=', 'incident')
    .where('i.started_at', '<=', new Date(at.getTime() + window).toISOString())
    .where((eb) =>
      eb.or([
        eb('i.resolved_at', 'is', null),
        eb('i.resolved_at', '>=', new Date(at.getTime() - window).toISOString()),
      ]),
    )
    .execute();
  const byId = new Map<string, CandidateIncident>();
  for (const r of rows) {
    const c = byId.get(r.id) ?? {
      id: r.id,
      impact: r.impact as CandidateIncident['impact'],
      started_at: r.started_at,
      created_at: r.created_at,
      resolved_at: r.resolved_at,
      hosts: [],
    };
    c.hosts.push(r.host);
    byId.set(r.id, c);
  }
  return [...byId.values()];
}
