import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface SunkMail {
  rcptTo: string[];
  mail: ParsedMail;
}

type Reply = (err?: Error | null) => void;

/**
 * A real SMTP server on 127.0.0.1 without TLS or login, standing in for a mail server (the notice
 * tests) and a help desk's mailbox (the forwarding tests). Mails count as received only once the
 * server has answered 250 for them, as with a real mail server:
 * - `refuse` answers every recipient with that reply (a 4xx defers, a 5xx refuses);
 * - `hold` keeps the answer to each message back until `release()`; a message whose client hung up
 *   meanwhile was never accepted, so it is dropped, not counted. `holdAfter` turns `hold` on by
 *   itself once that many mails were accepted.
 * `port` brings a sink up on a port chosen before (0, the default, picks a free one).
 */
export async function startMailSink(
  options: { port?: number; refuse?: { code: number; message: string } } = {},
) {
  const messages: SunkMail[] = [];
  const held: { sessionId: string; received: SunkMail; reply: Reply }[] = [];
  const closed = new Set<string>();
  const state = {
    refuse: options.refuse,
    hold: false,
    holdAfter: undefined as number | undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.refuse) return callback();
      callback(Object.assign(new Error(state.refuse.message), { responseCode: state.refuse.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const received = { rcptTo: session.envelope.rcptTo.map((a) => a.address), mail };
          if (state.holdAfter !== undefined && messages.length >= state.holdAfter) state.hold = true;
          if (state.hold) {
            held.push({ sessionId: session.id, received, reply: callback });
            return;
          }
          messages.push(received);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
    onClose(session) {
      closed.add(session.id);
    },
  });
  // A client killed mid-session (the crash test's worker) resets its connections; that is expected.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    state,
    /** Messages whose answer is being held back. */
    held: () => held.length,
    /** Held messages whose client is still connected. */
    heldOpen: () => held.filter((h) => !closed.has(h.sessionId)).length,
    /** Answers the held messages whose client is still connected; drops the others unanswered. */
    release() {
      state.hold = false;
      state.holdAfter = undefined;
      for (const h of held.splice(0)) {
        if (closed.has(h.sessionId)) continue;
        messages.push(h.received);
        h.reply();
      }
    },
    /** Mails sent to one address, oldest first. */
    to: (address: string) => messages.filter((m) => m.rcptTo.includes(address)).map((m) => m.mail),
    async waitFor(count: number, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`the sink got ${messages.length} mails, not ${count}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailSink = Awaited<ReturnType<typeof startMailSink>>;
