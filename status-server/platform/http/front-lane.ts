import { type IncomingMessage, Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** A request the front lane may answer: a GET or HEAD, its target as sent, and its headers by lower-case name. */
export interface FrontRequest {
  method: 'GET' | 'HEAD';
  url: string;
  headers: Readonly<Record<string, string>>;
}

/** An answer built ahead: the header list is kept by identity, so its bytes are made once. */
export interface FrontAnswer {
  status: number;
  /** Flat name, value list, as `writeHead` takes it; no Date or Connection. */
  headers: string[];
  body?: Uint8Array;
}

/** Answers a request, or leaves it (and the rest of its connection) to node:http. */
export type FrontHandler = (req: FrontRequest) => FrontAnswer | undefined;

/** node:http's own default (`maxHeaderSize`): a longer head goes to node:http, which refuses it. */
const MAX_HEAD_BYTES = 16 * 1024;
const REQUEST_LINE = /^(GET|HEAD) (\/[\x21-\x7e]*) HTTP\/1\.([01])$/;
/**
 * A field as RFC 9112 has it, without obs-fold; values may carry obs-text, as node:http allows. Each
 * part has one way to match, so a long line costs its length: optional spaces on either side of the
 * value, written into the pattern, would let a 16 KB line of spaces take seconds to refuse.
 */
const FIELD = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):([\t\x20-\x7e\x80-\xff]*)$/;
/** Requests with any of these take node:http's path: a body, a protocol switch, a 100-continue. */
const NOT_OURS = new Set(['content-length', 'transfer-encoding', 'upgrade', 'expect']);

type Parsed = { request: FrontRequest; keepAlive: boolean; end: number } | 'incomplete' | 'not ours';

/**
 * The head at `start` of `buf`, if it is whole and in the plain form every browser, widget and
 * monitor sends. Anything else is "not ours" rather than an error: node:http, which judges it then,
 * is the one parser that refuses requests.
 */
function parseHead(buf: Buffer, start: number): Parsed {
  const end = buf.indexOf('\r\n\r\n', start, 'latin1');
  if (end < 0) return buf.length - start > MAX_HEAD_BYTES ? 'not ours' : 'incomplete';
  if (end - start > MAX_HEAD_BYTES) return 'not ours';
  const lines = buf.toString('latin1', start, end).split('\r\n');
  const line = REQUEST_LINE.exec(lines[0] as string);
  if (!line) return 'not ours';
  const headers: Record<string, string> = {};
  for (let i = 1; i < lines.length; i++) {
    const field = FIELD.exec(lines[i] as string);
    if (!field) return 'not ours';
    const name = (field[1] as string).toLowerCase();
    const value = withoutSpaceAround(field[2] as string);
    // node:http joins some repeated fields and keeps the first of others: leave that to it.
    if (Object.hasOwn(headers, name) || NOT_OURS.has(name)) return 'not ours';
    headers[name] = value;
  }
  const http11 = line[3] === '1';
  // HTTP/1.1 needs exactly one Host; node:http answers its absence with a 400.
  if (http11 && headers.host === undefined) return 'not ours';
  const connection =
    headers.connection
      ?.toLowerCase()
      .split(',')
      .map((t) => t.trim()) ?? [];
  const keepAlive = http11 ? !connection.includes('close') : connection.includes('keep-alive');
  return {
    request: { method: line[1] as 'GET' | 'HEAD', url: line[2] as string, headers },
    keepAlive,
    end: end + 4,
  };
}

const blank = (c: string | undefined) => c === ' ' || c === '\t';

/** A field's value without the spaces and tabs around it (OWS), in one pass from each end. */
function withoutSpaceAround(value: string): string {
  let from = 0;
  let to = value.length;
  while (from < to && blank(value[from])) from++;
  while (to > from && blank(value[to - 1])) to--;
  return value.slice(from, to);
}

/** The status line and an answer's own headers, made once per header list. */
const heads = new WeakMap<string[], Buffer>();
function headOf(answer: FrontAnswer): Buffer | undefined {
  let head = heads.get(answer.headers);
  if (!head) {
    const h = answer.headers;
    let text = `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'unknown'}\r\n`;
    for (let i = 0; i < h.length; i += 2) {
      const line = `${h[i]}: ${h[i + 1]}`;
      // A line break in a header would split the answer: node:http's path refuses such a header.
      if (/[\r\n]/.test(line)) return undefined;
      text += `${line}\r\n`;
    }
    head = Buffer.from(text, 'latin1');
    heads.set(answer.headers, head);
  }
  return head;
}

/**
 * An HTTP server whose connections meet a lane in front of node:http's parser. The lane answers the
 * plain GETs and HEADs that `front` knows, straight from bytes built ahead, with the headers node:http
 * would add (Date, Connection, Keep-Alive). The first request it does not take, and everything after
 * it on that connection, goes to node:http as if it had come first, `handler` and all. node:http's
 * parsing and response objects cost more than half of what a small cached answer costs: this is what
 * brings the public API near nginx's pace on one core.
 *
 * A head that has not arrived whole in what was read also goes to node:http, with its timeouts for
 * slow senders; the lane only keeps idle connections for `keepAliveTimeout`, as node:http does.
 */
export class FrontLaneServer extends Server {
  /** The connections the lane still holds; node:http tracks those it was handed. */
  private readonly ours = new Set<Socket>();
  private dateSecond = -1;
  private tailsTimeout = -1;
  private tails = { keepAlive: Buffer.alloc(0), close: Buffer.alloc(0) };

  constructor(
    handler: (req: IncomingMessage, res: ServerResponse) => void,
    private readonly front: FrontHandler,
  ) {
    super(handler);
    const [nodeListener] = this.listeners('connection') as ((socket: Socket) => void)[];
    if (!nodeListener) throw new Error('node:http registered no connection listener');
    this.removeAllListeners('connection');
    this.on('connection', (socket: Socket) => this.serve(socket, nodeListener));
  }

  private serve(socket: Socket, nodeListener: (socket: Socket) => void): void {
    const drop = () => socket.destroy();
    const ended = () => socket.end();
    const closed = () => this.ours.delete(socket);
    const handOver = (chunk: Buffer) => {
      stopReading();
      socket.off('timeout', drop).off('error', drop).off('end', ended).off('close', closed);
      socket.setTimeout(0);
      this.ours.delete(socket);
      socket.pause();
      socket.unshift(chunk);
      nodeListener.call(this, socket);
      socket.resume();
    };
    /** Answers the requests in `chunk` from `at` on, one write each, as long as the client reads. */
    const answerFrom = (chunk: Buffer, at: number): void => {
      while (at < chunk.length) {
        const parsed = parseHead(chunk, at);
        const answer = typeof parsed === 'object' ? this.answer(parsed.request) : undefined;
        const head = answer && headOf(answer);
        if (typeof parsed !== 'object' || !answer || !head) {
          handOver(chunk.subarray(at));
          return;
        }
        socket.cork();
        socket.write(head);
        socket.write(this.tail(parsed.keepAlive));
        if (answer.body && parsed.request.method === 'GET') socket.write(answer.body);
        socket.uncork();
        if (!parsed.keepAlive) {
          stopReading();
          socket.end();
          return;
        }
        at = parsed.end;
        // A client that sends without reading (pipelined requests, or many writes): its answers
        // wait in memory, so stop reading, and answering, until it catches up.
        if (socket.writableNeedDrain) {
          socket.pause();
          socket.once('drain', () => {
            answerFrom(chunk, at);
            if (reading && !socket.writableNeedDrain) socket.resume();
          });
          return;
        }
      }
    };
    // Without an encoding set, a socket reads Buffers.
    const read = (chunk: Buffer | string) => answerFrom(chunk as Buffer, 0);
    /** Whether the lane still reads this connection: not once it is closing or node:http's. */
    let reading = true;
    const stopReading = () => {
      reading = false;
      socket.off('data', read);
    };
    this.ours.add(socket);
    socket.setTimeout(this.keepAliveTimeout);
    socket.on('data', read).on('timeout', drop).on('error', drop).on('end', ended).on('close', closed);
  }

  /** The front's answer; if it throws, node:http's path answers, with the app's error handling. */
  private answer(request: FrontRequest): FrontAnswer | undefined {
    try {
      return this.front(request);
    } catch {
      return undefined;
    }
  }

  /** Date, Connection and Keep-Alive as node:http writes them, made once a second (or timeout set). */
  private tail(keepAlive: boolean): Buffer {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.dateSecond || this.keepAliveTimeout !== this.tailsTimeout) {
      this.dateSecond = second;
      this.tailsTimeout = this.keepAliveTimeout;
      const date = `Date: ${new Date(second * 1000).toUTCString()}\r\n`;
      // With no timeout (0) node:http names none.
      const timeout = this.keepAliveTimeout
        ? `Keep-Alive: timeout=${Math.floor(this.keepAliveTimeout / 1000)}\r\n`
        : '';
      this.tails = {
        keepAlive: Buffer.from(`${date}Connection: keep-alive\r\n${timeout}\r\n`),
        close: Buffer.from(`${date}Connection: close\r\n\r\n`),
      };
    }
    return keepAlive ? this.tails.keepAlive : this.tails.close;
  }

  override closeIdleConnections(): void {
    // The lane answers at once, so its connections are idle whenever it is not running.
    for (const socket of this.ours) socket.end();
    super.closeIdleConnections();
  }

  override closeAllConnections(): void {
    for (const socket of this.ours) socket.destroy();
    super.closeAllConnections();
  }
}
