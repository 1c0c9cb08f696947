import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../status-server/config.ts';
import { FORWARD_JOB, parseForwarding } from '../../status-server/connectors/config.ts';
import type { AttachmentUrl } from '../../status-server/connectors/outgoing.ts';
import type { Store } from '../../status-server/platform/db.ts';
import { Worker } from '../../status-server/platform/jobs/worker.ts';
import { createMailer, type Mailer } from '../../status-server/platform/mail.ts';
import { forwardingHandler } from '../../status-server/reports/forwarding.ts';

/**
 * Help-desk stand-ins for the forwarding tests, each a real server on 127.0.0.1; the mailbox is
 * `startMailSink` and the webhook receiver `startHookReceiver`.
 */

interface Listening {
  port: number;
  url: string;
  stop(): Promise<void>;
}

type Answer = { status: number; json?: unknown; bytes?: Buffer };
type Handler = (req: IncomingMessage, body: Buffer) => Answer | Promise<Answer>;

async function serve(handle: Handler): Promise<Listening> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await handle(req, Buffer.concat(chunks));
    if (answer.bytes)
      res.writeHead(answer.status, { 'content-type': 'application/octet-stream' }).end(answer.bytes);
    else if (answer.json === undefined) res.writeHead(answer.status).end();
    else
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface RedmineIssue {
  id: number;
  /** The `issue` object as posted. */
  fields: Record<string, unknown>;
  attachments: { filename: string; content_type: string; data: Buffer }[];
}

/**
 * Redmine's two endpoints as its REST API documents them: `POST /uploads.json` (octet-stream body,
 * answers a token) and `POST /issues.json` (answers the created issue, or 422 with `errors`).
 * Projects and their trackers are fixed: `support` (id 7) with trackers 1 to 3.
 */
export async function startRedmineReceiver(apiKey: string) {
  const uploads = new Map<string, Buffer>();
  const issues: RedmineIssue[] = [];
  const requests: string[] = [];
  /** Statuses to answer the next requests with, before any real work: a Redmine in trouble. */
  const outage: number[] = [];

  const listening = await serve((req, body) => {
    const url = new URL(req.url ?? '/', 'http://redmine');
    requests.push(`${req.method} ${url.pathname}`);
    const status = outage.shift();
    if (status) return { status };
    if (req.headers['x-redmine-api-key'] !== apiKey) return { status: 401 };
    if (req.method === 'POST' && url.pathname === '/uploads.json') {
      if (req.headers['content-type'] !== 'application/octet-stream') return { status: 406 };
      const token = `${uploads.size + 1}.${randomBytes(16).toString('hex')}`;
      uploads.set(token, body);
      return { status: 201, json: { upload: { id: uploads.size, token } } };
    }
    if (req.method === 'POST' && url.pathname === '/issues.json') {
      if (!req.headers['content-type']?.startsWith('application/json')) return { status: 415 };
      return createIssue(JSON.parse(body.toString()).issue);
    }
    return { status: 404 };
  });

  function createIssue(fields: Record<string, unknown>): Answer {
    const errors: string[] = [];
    if (fields.project_id !== 'support' && fields.project_id !== 7) errors.push('Project cannot be blank');
    if (fields.tracker_id !== undefined && ![1, 2, 3].includes(fields.tracker_id as number)) {
      errors.push('Tracker is not included in the list');
    }
    if (typeof fields.subject !== 'string' || !fields.subject.trim()) errors.push('Subject cannot be blank');
    const wanted = (fields.uploads ?? []) as { token: string; filename: string; content_type: string }[];
    if (wanted.some((u) => !uploads.has(u.token))) errors.push('Attachments is invalid');
    if (errors.length) return { status: 422, json: { errors } };
    const attachments = wanted.map((u) => ({ ...u, data: uploads.get(u.token) as Buffer }));
    for (const u of wanted) uploads.delete(u.token);
    const issue = { id: 100 + issues.length, fields, attachments };
    issues.push(issue);
    return { status: 201, json: { issue: { id: issue.id, subject: fields.subject } } };
  }

  return { ...listening, issues, requests, outage };
}

/** Serves files by path: stands in for the server's signed attachment links. */
export function startFileServer(read: (path: string) => Promise<Buffer | undefined>) {
  return serve(async (req) => {
    const data = await read(new URL(req.url ?? '/', 'http://files').pathname);
    return data ? { status: 200, bytes: data } : { status: 404 };
  });
}

/** For tests without the e-mail connector: any attempt to send is a bug. */
export const noMailer: Mailer = {
  target: 'nowhere',
  send: async () => {
    throw new Error('this test sends no mail');
  },
  close: () => {},
};

/** The status page the forwarding tests pretend to be: links in forwarded reports point here. */
export const FORWARD_PUBLIC_URL = 'https://status.example.com';

/**
 * Runs every due forwarding job once, as the server's worker does, with these forwarding variables
 * (mailing through their SMTP server when they name one) and SNAPDESK_HELPDESK_LOCALE (English
 * without it); answers how many jobs ran.
 */
export async function forwardAll(
  store: Store,
  env: Record<string, string>,
  attachmentUrl: AttachmentUrl = (ref, position) =>
    `${FORWARD_PUBLIC_URL}/api/reports/${ref}/attachments/${position}`,
): Promise<number> {
  const forwarding = parseForwarding(env);
  const mailer = forwarding.smtp
    ? createMailer({ smtp: forwarding.smtp, from: 'unused', dataDir: 'unused' })
    : noMailer;
  try {
    const handler = forwardingHandler({
      store,
      publicUrl: FORWARD_PUBLIC_URL,
      forwarding,
      mailer,
      attachmentUrl,
      helpdeskLocale: loadConfig(env).helpdeskLocale,
    });
    return await new Worker(store, { [FORWARD_JOB]: handler }).drain();
  } finally {
    mailer.close();
  }
}
