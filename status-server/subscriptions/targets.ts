import { type LookupAddress, lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses a webhook must not reach by default: this host, its networks, and special ranges. */
const special: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  // Link-local, which holds the cloud providers' metadata service (169.254.169.254).
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  // IPv4-mapped and NAT64 forms would reach the IPv4 ranges above by another name.
  ['::ffff:0:0', 96, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const blocked = new BlockList();
for (const [address, prefix, type] of special) blocked.addSubnet(address, prefix, type);

/**
 * Decides which addresses webhooks may be sent to. The check runs when a subscription is made (to
 * refuse it with a clear message) and again at every connection (the name may resolve elsewhere by
 * then), through the `lookup` given to the HTTP request.
 */
export class TargetPolicy {
  private readonly allowed = new BlockList();

  /** `allowed`: addresses or CIDR ranges in the blocked space that this server may still call. */
  constructor(allowed: string[]) {
    for (const item of allowed) {
      const [address = '', prefix] = item.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.allowed.addAddress(address, type);
      else this.allowed.addSubnet(address, Number(prefix), type);
    }
  }

  /** Why this address may not be called, or undefined when it may. */
  refusal(address: string): string | undefined {
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!blocked.check(address, type) || this.allowed.check(address, type)) return undefined;
    return `${address} is a loopback, private or reserved address, which this server does not send webhooks to`;
  }

  /** Resolves the URL's host and answers why it may not be called, or undefined when it may. */
  async check(url: URL): Promise<string | undefined> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) return this.refusal(host);
    const addresses = await new Promise<LookupAddress[] | Error>((resolve) =>
      lookup(host, { all: true }, (err, found) => resolve(err ?? found)),
    );
    if (addresses instanceof Error) return `the host ${host} cannot be resolved (${addresses.message})`;
    for (const a of addresses) {
      const reason = this.refusal(a.address);
      if (reason) return `${host} resolves to ${reason}`;
    }
    return undefined;
  }

  /** A DNS lookup for `http.request` that fails the connection when any address is refused. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
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
    });
  };
}
