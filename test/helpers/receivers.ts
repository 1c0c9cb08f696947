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
 * `startMailSink`, the webhook receiver `startHookReceiver` and Redmine `startRedmineReceiver`
 * (redmine.ts).
 */

interface Listening {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export type Answer = { status: number; json?: unknown; bytes?: Buffer; headers?: Record<string, string> };
type Handler = (req: IncomingMessage, body: Buffer) => Answer | Promise<Answer>;

export async function serve(handle: Handler): Promise<Listening> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await handle(req, Buffer.concat(chunks));
    const headers = answer.headers ?? {};
    if (answer.bytes)
      res
        .writeHead(answer.status, { ...headers, 'content-type': 'application/octet-stream' })
        .end(answer.bytes);
    else if (answer.json === undefined) res.writeHead(answer.status, headers).end();
    else
      res
        .writeHead(answer.status, { ...headers, 'content-type': 'application/json' })
        .end(JSON.stringify(answer.json));
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
