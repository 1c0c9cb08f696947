/**
 * An SMTP server for fan-out benches, in a process of its own so that its work does not take the
 * sender's CPU: it accepts everything and counts mails, recipients and duplicates (a recipient
 * reached twice, or one Message-ID twice to the same address); lost and duplicate counts come
 * from what it received.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';

export interface SinkStats {
  received: number;
  recipients: number;
  duplicates: number;
  /** The recipients reached more than once (at most the first 10,000). */
  twice: string[];
}

/** The sink process: accepts everything, counts recipients and Message-IDs, answers `stats` over IPC. */
async function runSink(): Promise<void> {
  const perRecipient = new Map<string, number>();
  const ids = new Set<string>();
  let received = 0;
  let duplicates = 0;
  const twice = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 64,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        received++;
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `none-${received}`;
        for (const r of session.envelope.rcptTo) {
          const seen = perRecipient.get(r.address) ?? 0;
          perRecipient.set(r.address, seen + 1);
          if (seen > 0 || ids.has(`${id} ${r.address}`)) {
            duplicates++;
            if (twice.size < 10_000) twice.add(r.address);
          }
          ids.add(`${id} ${r.address}`);
        }
        callback();
      });
    },
  });
  // A sender that hangs up mid-session is the sender's business, not a reason for the sink to stop.
  server.on('error', () => {});
  // The benchmark gone (finished or killed), the sink goes too.
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () =>
    process.send?.({ port: (server.server.address() as AddressInfo).port }),
  );
  process.on('message', (m: string) => {
    if (m === 'stats')
      process.send?.({
        received,
        recipients: perRecipient.size,
        duplicates,
        twice: [...twice],
      } satisfies SinkStats);
    if (m === 'reset') {
      perRecipient.clear();
      ids.clear();
      received = 0;
      duplicates = 0;
      twice.clear();
      process.send?.({ reset: true });
    }
  });
}

function ask<T>(
  sink: ChildProcess,
  message: string,
  pick: (m: Record<string, unknown>) => boolean,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (m: Record<string, unknown>) => {
      if (!pick(m)) return;
      sink.off('message', listener);
      resolve(m as T);
    };
    sink.on('message', listener);
    sink.send(message);
  });
}

/** Starts the sink process; answers its SMTP URL and how to read and reset its counts. */
export async function startCountingSink() {
  const sink = fork(fileURLToPath(import.meta.url), ['sink'], { execArgv: ['--import', 'tsx'] });
  const { port } = await ask<{ port: number }>(sink, 'hello', (m) => typeof m.port === 'number');
  return {
    url: `smtp://127.0.0.1:${port}`,
    stats: () => ask<SinkStats>(sink, 'stats', (m) => 'received' in m),
    reset: () => ask(sink, 'reset', (m) => 'reset' in m).then(() => {}),
    stop: () => sink.kill(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'sink') await runSink();
