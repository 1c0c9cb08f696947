import { promises as dns, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/** An address as the network sees it: 4 bytes for IPv4, 16 for IPv6. */
interface Address {
  family: 4 | 6;
  bytes: Uint8Array;
}
interface Range extends Address {
  prefix: number;
}

function ipv4Bytes(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number));
}

/** The 16 bytes of an address `isIP` calls IPv6: `::` expanded, a dotted tail and a zone read. */
function ipv6Bytes(text: string): Uint8Array {
  let s = text.split('%')[0] as string;
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) =>
    part ? part.split(':').map((g) => Number.parseInt(g, 16)) : [];
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  return out;
}

function parse(text: string): Address | undefined {
  const family = isIP(text);
  if (family === 4) return { family, bytes: ipv4Bytes(text) };
  if (family === 6) return { family, bytes: ipv6Bytes(text) };
  return undefined;
}

function contains(range: Range, a: Address): boolean {
  if (range.family !== a.family) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const mask = (0xff << (8 - Math.min(8, range.prefix - bit))) & 0xff;
    if (((range.bytes[bit / 8] as number) & mask) !== ((a.bytes[bit / 8] as number) & mask)) return false;
  }
  return true;
}

const dotted = (bytes: Uint8Array) => [...bytes].join('.');

/** `10.0.0.0/8`, `fd00::/8` or a single address; the caller has checked the form. */
function range(text: string): Range {
  const [address = '', prefix] = text.split('/');
  const a = parse(address);
  if (!a) throw new Error(`${text} is not an IP address or CIDR range`);
  return { ...a, prefix: prefix === undefined ? a.bytes.length * 8 : Number(prefix) };
}

const MAPPED = range('::ffff:0:0/96');

/**
 * An IPv4-mapped address (`::ffff:127.0.0.1`) is the IPv4 address itself: the kernel sends to it
 * over IPv4. It is therefore judged as that address, by the IPv4 rules and the IPv4 allow list,
 * and never by IPv6 ranges (Node's `BlockList` matches every IPv4 address against `::ffff:0:0/96`,
 * which is how that entry once refused all of IPv4).
 */
function unmapped<T extends Address>(a: T): Address | T {
  return contains(MAPPED, a) ? { family: 4, bytes: a.bytes.slice(12) } : a;
}

/** IPv4 addresses a webhook must not reach by default: this host, its networks, and special ranges. */
const special4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  // Link-local, which holds the cloud providers' metadata service (169.254.169.254).
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  // The 6to4 relay anycast: traffic there is unwrapped into IPv6 by whoever runs the relay.
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
].map(range);

/** The same for IPv6; the forms that carry an IPv4 address are judged by it, below. */
const special6 = [
  '::/128',
  '::1/128',
  // NAT64 for a local network's own translator (RFC 8215): where it leads is the network's choice.
  '64:ff9b:1::/48',
  '100::/64',
  // Teredo: the IPv4 server and client inside are obscured, so no rule can tell where it leads.
  '2001::/32',
  '2001:2::/48',
  '2001:db8::/32',
  '3fff::/20',
  '5f00::/16',
  'fc00::/7',
  'fe80::/10',
  // Site-local: deprecated, but still routed inside some networks.
  'fec0::/10',
  'ff00::/8',
].map(range);

/**
 * IPv6 forms that carry an IPv4 address, and at which byte. Each leads to (or, through a translator
 * or relay, towards) that IPv4 address, so it is refused when that address would be.
 */
const embedding: { range: Range; at: number; form: string }[] = [
  { range: range('::/96'), at: 12, form: 'an IPv4-compatible' },
  { range: range('::ffff:0:0:0/96'), at: 12, form: 'an IPv4-translated' },
  { range: range('64:ff9b::/96'), at: 12, form: 'a NAT64' },
  { range: range('2002::/16'), at: 2, form: 'a 6to4' },
];

const REASON = 'a loopback, private or reserved address, which this server does not send webhooks to';

/** Resolves a name to every address it has, as `dns.lookup` does (hosts file, then DNS). */
export type Resolver = (hostname: string, options: LookupAllOptions) => Promise<LookupAddress[]>;
const systemResolver: Resolver = (hostname, options) => dns.lookup(hostname, options);

/**
 * Decides which addresses webhooks may be sent to. The check runs when a subscription is made (to
 * refuse it with a clear message) and again at every connection (the name may resolve elsewhere by
 * then), through the `lookup` given to the HTTP request.
 */
export class TargetPolicy {
  private readonly allowed: Range[];

  /**
   * `allowed`: addresses or CIDR ranges in the blocked space that this server may still call. An
   * IPv4-mapped entry (`::ffff:10.0.0.0/104`) means its IPv4 range; other IPv6 entries cover IPv6
   * addresses only, and IPv4 entries never open the IPv6 forms that embed them.
   * `resolve` is the name lookup, replaceable so tests need no DNS.
   */
  constructor(
    allowed: string[],
    private readonly resolve: Resolver = systemResolver,
  ) {
    this.allowed = allowed.map((item) => {
      const r = range(item);
      return r.prefix >= 96 && contains(MAPPED, r)
        ? { family: 4, bytes: r.bytes.slice(12), prefix: r.prefix - 96 }
        : r;
    });
  }

  /** Why this address may not be called, or undefined when it may. */
  refusal(address: string): string | undefined {
    const parsed = parse(address);
    if (!parsed) return `${address} is not an IP address`;
    const a = unmapped(parsed);
    if (this.allowed.some((r) => contains(r, a))) return undefined;
    if ((a.family === 4 ? special4 : special6).some((r) => contains(r, a))) return `${address} is ${REASON}`;
    if (a.family === 4) return undefined;
    for (const e of embedding) {
      if (!contains(e.range, a)) continue;
      const inner: Address = { family: 4, bytes: a.bytes.slice(e.at, e.at + 4) };
      if (special4.some((r) => contains(r, inner))) {
        return `${address} is ${e.form} form of ${dotted(inner.bytes)}, ${REASON}`;
      }
    }
    return undefined;
  }

  /** Resolves the URL's host and answers why it may not be called, or undefined when it may. */
  async check(url: URL): Promise<string | undefined> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) return this.refusal(host);
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(host, { all: true });
    } catch (err) {
      return `the host ${host} cannot be resolved (${(err as Error).message})`;
    }
    for (const a of addresses) {
      const reason = this.refusal(a.address);
      if (reason) return `${host} resolves to ${reason}`;
    }
    return undefined;
  }

  /** A DNS lookup for `http.request` that fails the connection when any address is refused. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolve(hostname, { ...options, all: true }).then(
      (addresses) => {
        const reason = addresses.map((a) => this.refusal(a.address)).find(Boolean);
        if (reason)
          return callback(
            Object.assign(new Error(`${hostname} resolves to ${reason}`), { code: 'EREFUSEDTARGET' }),
            '',
            0,
          );
        const first = addresses[0] as LookupAddress;
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
