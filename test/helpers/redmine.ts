import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type Answer, serve } from './receivers.ts';

/**
 * A Redmine stand-in on 127.0.0.1 that answers its REST API as Redmine documents it
 * (https://www.redmine.org/projects/redmine/wiki/Rest_api): uploads, issues created, listed, read with
 * their journals and updated, and the API key's own user. Projects and trackers are fixed: `support`
 * (id 7) with trackers 1 to 3; the statuses are Redmine's defaults. Tests move an issue as support
 * would (`support`), and count the requests made (`requests`, `count`).
 */

interface Upload {
  filename: string;
  content_type: string;
  data: Buffer;
}

export interface RedmineJournal {
  id: number;
  user: { id: number; name: string };
  notes: string;
  private_notes: boolean;
  created_on: string;
  details: { property: string; name: string; old_value: string | null; new_value: string | null }[];
}

export interface RedmineIssue {
  id: number;
  /** The `issue` object as posted. */
  fields: Record<string, unknown>;
  attachments: Upload[];
  status_id: number;
  created_on: string;
  updated_on: string;
  journals: RedmineJournal[];
}

/** Redmine's default statuses; the last two count as closed. */
export const REDMINE_STATUSES = [
  { id: 1, name: 'New', is_closed: false },
  { id: 2, name: 'In Progress', is_closed: false },
  { id: 3, name: 'Resolved', is_closed: false },
  { id: 4, name: 'Feedback', is_closed: false },
  { id: 5, name: 'Closed', is_closed: true },
  { id: 6, name: 'Rejected', is_closed: true },
] as const;

/** The user the API key belongs to: Snapdesk's own. */
export const API_USER = { id: 1, name: 'Snapdesk Bot' };
/** Support's agent, who moves issues in tests. */
export const SUPPORT_USER = { id: 5, name: 'Sam Support' };

/** Redmine writes times to the second. */
const redmineTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** The only forms of `updated_on=>=…` Redmine's filter accepts: a date, or a time to the second. */
const TIME_FILTER = /^>=(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:?\d{2}))?)$/;

/**
 * `now`: Redmine's clock, for a test that needs it frozen (every change and answer in one second).
 * By default it is the real time, moved a second on after each change, as if the next request came
 * later: a read after a change is always in a later second than the change's stamp.
 */
export async function startRedmineReceiver(apiKey: string, options: { now?: () => Date } = {}) {
  let ahead = 0;
  const clock = () => options.now?.() ?? new Date(Date.now() + ahead);
  /** The stamp of a change. */
  const now = () => {
    const at = redmineTime(clock());
    if (!options.now) ahead += 1000;
    return at;
  };
  const uploads = new Map<string, Upload>();
  const issues: RedmineIssue[] = [];
  const byId = new Map<number, RedmineIssue>();
  /** Every request as `METHOD /path`, without the query. */
  const requests: string[] = [];
  /** Statuses to answer the next requests with, before any real work: a Redmine in trouble. */
  const outage: number[] = [];
  let journalIds = 0;

  const listening = await serve((req, body) => {
    const answer = handle(req, body);
    // Redmine's clock, as clients read it.
    return { ...answer, headers: { date: clock().toUTCString() } };
  });

  function handle(req: IncomingMessage, body: Buffer): Answer {
    const url = new URL(req.url ?? '/', 'http://redmine');
    requests.push(`${req.method} ${url.pathname}`);
    const status = outage.shift();
    if (status) return { status };
    if (req.headers['x-redmine-api-key'] !== apiKey) return { status: 401 };
    const path = url.pathname;
    const issueMatch = /^\/issues\/(\d+)\.json$/.exec(path);
    if (req.method === 'POST' && path === '/uploads.json') {
      if (req.headers['content-type'] !== 'application/octet-stream') return { status: 406 };
      const token = `${uploads.size + 1}.${randomBytes(16).toString('hex')}`;
      const filename = url.searchParams.get('filename') ?? '';
      uploads.set(token, { filename, content_type: 'application/octet-stream', data: body });
      return { status: 201, json: { upload: { id: uploads.size, token } } };
    }
    if (req.method === 'POST' && path === '/issues.json') {
      if (!isJson(req)) return { status: 415 };
      return createIssue(JSON.parse(body.toString()).issue);
    }
    if (req.method === 'GET' && path === '/issues.json') return listIssues(url.searchParams);
    if (req.method === 'GET' && path === '/users/current.json') {
      return {
        status: 200,
        json: { user: { id: API_USER.id, login: 'snapdesk', firstname: 'Snapdesk', lastname: 'Bot' } },
      };
    }
    if (issueMatch) {
      const issue = byId.get(Number(issueMatch[1]));
      if (!issue) return { status: 404 };
      if (req.method === 'GET') {
        const include = (url.searchParams.get('include') ?? '').split(',');
        return {
          status: 200,
          json: {
            issue: { ...shown(issue), ...(include.includes('journals') ? { journals: issue.journals } : {}) },
          },
        };
      }
      if (req.method === 'PUT') {
        if (!isJson(req)) return { status: 415 };
        return updateIssue(issue, JSON.parse(body.toString()).issue ?? {});
      }
    }
    return { status: 404 };
  }

  const isJson = (req: IncomingMessage) => req.headers['content-type']?.startsWith('application/json');

  /** Takes the uploads named by their tokens; undefined if one is unknown (Redmine's 422). */
  function takeUploads(wanted: { token: string; filename: string; content_type: string }[]) {
    if (wanted.some((u) => !uploads.has(u.token))) return undefined;
    const taken = wanted.map((u) => ({ ...u, data: (uploads.get(u.token) as Upload).data }));
    for (const u of wanted) uploads.delete(u.token);
    return taken;
  }

  function createIssue(fields: Record<string, unknown>): Answer {
    const errors: string[] = [];
    if (fields.project_id !== 'support' && fields.project_id !== 7) errors.push('Project cannot be blank');
    if (fields.tracker_id !== undefined && ![1, 2, 3].includes(fields.tracker_id as number)) {
      errors.push('Tracker is not included in the list');
    }
    if (typeof fields.subject !== 'string' || !fields.subject.trim()) errors.push('Subject cannot be blank');
    const attachments = takeUploads(
      (fields.uploads ?? []) as { token: string; filename: string; content_type: string }[],
    );
    if (!attachments) errors.push('Attachments is invalid');
    if (errors.length) return { status: 422, json: { errors } };
    const at = now();
    const issue: RedmineIssue = {
      id: 100 + issues.length,
      fields,
      attachments: attachments ?? [],
      status_id: 1,
      created_on: at,
      updated_on: at,
      journals: [],
    };
    issues.push(issue);
    byId.set(issue.id, issue);
    return { status: 201, json: { issue: shown(issue) } };
  }

  function shown(issue: RedmineIssue) {
    const status = REDMINE_STATUSES.find((s) => s.id === issue.status_id) ?? REDMINE_STATUSES[0];
    return {
      id: issue.id,
      project: { id: 7, name: 'Support' },
      tracker: { id: (issue.fields.tracker_id as number | undefined) ?? 1, name: 'Bug' },
      status: { id: status.id, name: status.name, is_closed: status.is_closed },
      priority: { id: (issue.fields.priority_id as number | undefined) ?? 2, name: 'Normal' },
      author: API_USER,
      subject: issue.fields.subject,
      description: issue.fields.description ?? '',
      created_on: issue.created_on,
      updated_on: issue.updated_on,
      closed_on: status.is_closed ? issue.updated_on : null,
    };
  }

  /** `GET /issues.json` with the filters Redmine documents for it, paged by `offset` and `limit`. */
  function listIssues(q: URLSearchParams): Answer {
    let found = [...issues];
    const ids = q.get('issue_id');
    if (ids !== null) {
      if (!/^\d+(,\d+)*$/.test(ids)) return { status: 422, json: { errors: ['Issue is invalid'] } };
      const wanted = new Set(ids.split(',').map(Number));
      found = found.filter((i) => wanted.has(i.id));
    }
    // Without status_id Redmine lists open issues only.
    const status = q.get('status_id') ?? 'open';
    if (status !== '*') {
      const closed = (i: RedmineIssue) => REDMINE_STATUSES.find((s) => s.id === i.status_id)?.is_closed;
      found = found.filter((i) =>
        status === 'open' ? !closed(i) : status === 'closed' ? closed(i) : String(i.status_id) === status,
      );
    }
    const updated = q.get('updated_on');
    if (updated !== null) {
      const m = TIME_FILTER.exec(updated);
      if (!m) return { status: 422, json: { errors: ['Updated is invalid'] } };
      const from = Date.parse(m[1] as string);
      found = found.filter((i) => Date.parse(i.updated_on) >= from);
    }
    found.sort((a, b) => (q.get('sort') === 'id' ? a.id - b.id : b.id - a.id));
    const limit = Math.min(100, Math.max(1, Number(q.get('limit') ?? 25) || 25));
    const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
    return {
      status: 200,
      json: {
        issues: found.slice(offset, offset + limit).map(shown),
        total_count: found.length,
        offset,
        limit,
      },
    };
  }

  /** Adds a journal when something changed, as Redmine does, and stamps the issue. */
  function journal(
    issue: RedmineIssue,
    user: { id: number; name: string },
    change: { notes?: string; private_notes?: boolean; status_id?: number; attachments?: Upload[] },
  ) {
    const details: RedmineJournal['details'] = [];
    if (change.status_id !== undefined && change.status_id !== issue.status_id) {
      details.push({
        property: 'attr',
        name: 'status_id',
        old_value: String(issue.status_id),
        new_value: String(change.status_id),
      });
      issue.status_id = change.status_id;
    }
    for (const a of change.attachments ?? []) {
      issue.attachments.push(a);
      details.push({
        property: 'attachment',
        name: String(issue.attachments.length),
        old_value: null,
        new_value: a.filename,
      });
    }
    const notes = change.notes ?? '';
    if (!notes && !details.length) return;
    const at = now();
    issue.journals.push({
      id: ++journalIds,
      user,
      notes,
      private_notes: change.private_notes ?? false,
      created_on: at,
      details,
    });
    issue.updated_on = at;
  }

  function updateIssue(issue: RedmineIssue, fields: Record<string, unknown>): Answer {
    const errors: string[] = [];
    const statusId = fields.status_id as number | undefined;
    if (statusId !== undefined && !REDMINE_STATUSES.some((s) => s.id === statusId)) {
      errors.push('Status is not included in the list');
    }
    const attachments = takeUploads(
      (fields.uploads ?? []) as { token: string; filename: string; content_type: string }[],
    );
    if (!attachments) errors.push('Attachments is invalid');
    if (errors.length) return { status: 422, json: { errors } };
    journal(issue, API_USER, {
      ...(typeof fields.notes === 'string' ? { notes: fields.notes } : {}),
      ...(statusId === undefined ? {} : { status_id: statusId }),
      ...(attachments ? { attachments } : {}),
    });
    return { status: 204 };
  }

  const issue = (id: number) => {
    const found = byId.get(id);
    if (!found) throw new Error(`the Redmine stand-in has no issue ${id}`);
    return found;
  };

  return {
    ...listening,
    issues,
    requests,
    outage,
    issue,
    /** Support moves an issue to a status and/or writes a note (private: only support sees it). */
    support(id: number, change: { status?: number; notes?: string; private?: boolean }) {
      journal(issue(id), SUPPORT_USER, {
        ...(change.status === undefined ? {} : { status_id: change.status }),
        ...(change.notes === undefined ? {} : { notes: change.notes }),
        ...(change.private === undefined ? {} : { private_notes: change.private }),
      });
    },
    /** Adds an issue as if created through the API, without a request (for the bench's thousands). */
    seed(fields: Record<string, unknown>): RedmineIssue {
      const answer = createIssue({ project_id: 7, ...fields });
      if (answer.status !== 201) throw new Error(`seeding an issue failed: ${JSON.stringify(answer.json)}`);
      return issues.at(-1) as RedmineIssue;
    },
    /** Requests made whose `METHOD /path` starts with `prefix` (all of them without one). */
    count(prefix = ''): number {
      return requests.filter((r) => r.startsWith(prefix)).length;
    },
  };
}

export type RedmineReceiver = Awaited<ReturnType<typeof startRedmineReceiver>>;
