import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { type Resolver, TargetPolicy } from '../../status-server/subscriptions/targets.ts';

/**
 * The webhook target policy as a pure function of an address. Nothing here opens a connection or
 * asks DNS about a public name: hosts are IP literals, `localhost`, or answered by a fake resolver.
 */

/** Names a test resolves, and to what; any other name fails as DNS would. */
const fakeDns =
  (names: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const found = names[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
const noDns: Resolver = async (hostname) => {
  throw new Error(`this test must not look ${hostname} up`);
};

const strict = new TargetPolicy([], noDns);

const publicV4 = [
  '8.8.8.8',
  '1.1.1.1',
  '9.9.9.9',
  '93.184.215.14',
  '151.101.1.69',
  '11.0.0.1',
  // Just outside the special ranges on either side.
  '9.255.255.255',
  '100.63.255.255',
  '100.128.0.0',
  '126.255.255.255',
  '128.0.0.0',
  '169.253.255.255',
  '169.255.0.0',
  '172.15.255.255',
  '172.32.0.0',
  '192.0.1.0',
  '192.167.255.255',
  '192.169.0.0',
  '198.17.255.255',
  '198.20.0.0',
  '223.255.255.255',
];

const privateV4 = [
  '0.0.0.0',
  '0.1.2.3',
  '10.0.0.1',
  '10.255.255.255',
  '100.64.0.1',
  '100.127.255.255',
  '127.0.0.1',
  '127.255.255.254',
  '169.254.169.254',
  '172.16.0.1',
  '172.31.255.255',
  '192.0.0.8',
  '192.0.2.10',
  '192.88.99.1',
  '192.168.0.1',
  '192.168.255.255',
  '198.18.0.1',
  '198.19.255.255',
  '198.51.100.7',
  '203.0.113.9',
  '224.0.0.251',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
];

const publicV6 = [
  '2001:4860:4860::8888',
  '2606:4700:4700::1111',
  '2a00:1450:4001:81b::200e',
  '2620:fe::fe',
  '2001:1::1',
  '2003::1',
  '2400:cb00:2048:1::c629:d7a2',
  // The IPv4 forms of public addresses.
  '::ffff:8.8.8.8',
  '::ffff:808:808',
  '::ffff:0:808:808',
  '64:ff9b::8.8.8.8',
  '64:ff9b::101:101',
  '2002:808:808::1',
  '2002:0101:0101:1::',
];

const privateV6 = [
  '::',
  '::1',
  '0:0:0:0:0:0:0:1',
  'fc00::1',
  'fd12:3456:789a::1',
  'fe80::1',
  'fe80::1%eth0',
  'febf:ffff::1',
  'fec0::1',
  'ff02::1',
  'ff0e::1',
  '100::1',
  '2001:db8::1',
  '2001:2::1',
  '3fff::1',
  '5f00::1',
  '64:ff9b:1::a00:1',
  // Teredo, whatever it carries.
  '2001::1',
  '2001:0:4136:e378:8000:63bf:3fff:fdd2',
];

/** IPv6 forms of private IPv4 addresses: each leads to the address it carries. */
const embeddedPrivate: [string, string][] = [
  ['::ffff:127.0.0.1', '127.0.0.1'],
  ['::ffff:7f00:1', '127.0.0.1'],
  ['0:0:0:0:0:ffff:a00:1', '10.0.0.1'],
  ['::ffff:169.254.169.254', '169.254.169.254'],
  ['::127.0.0.1', '127.0.0.1'],
  ['::7f00:1', '127.0.0.1'],
  ['::10.1.2.3', '10.1.2.3'],
  ['::192.168.1.1', '192.168.1.1'],
  ['::ffff:0:127.0.0.1', '127.0.0.1'],
  ['::ffff:0:a9fe:a9fe', '169.254.169.254'],
  ['64:ff9b::127.0.0.1', '127.0.0.1'],
  ['64:ff9b::a00:1', '10.0.0.1'],
  ['64:ff9b::169.254.169.254', '169.254.169.254'],
  ['2002:7f00:1::', '127.0.0.1'],
  ['2002:a00:1::1', '10.0.0.1'],
  ['2002:c0a8:101:1::1', '192.168.1.1'],
  ['2002:a9fe:a9fe::', '169.254.169.254'],
];

describe('webhook target policy', () => {
  it.each(publicV4)('lets webhooks reach the public IPv4 address %s', (address) => {
    expect(strict.refusal(address)).toBeUndefined();
  });

  it.each(privateV4)('refuses the loopback, private or reserved IPv4 address %s', (address) => {
    expect(strict.refusal(address)).toMatch(/loopback, private or reserved address/);
  });

  it.each(publicV6)('lets webhooks reach the public IPv6 address %s', (address) => {
    expect(strict.refusal(address)).toBeUndefined();
  });

  it.each(privateV6)('refuses the loopback, private or reserved IPv6 address %s', (address) => {
    expect(strict.refusal(address)).toMatch(/loopback, private or reserved address/);
  });

  it.each(embeddedPrivate)('refuses %s, which carries %s', (address, inner) => {
    const reason = strict.refusal(address);
    expect(reason).toMatch(/loopback, private or reserved address/);
    if (!address.startsWith('::ffff:') && !address.startsWith('0:0:0:0:0:ffff:')) {
      expect(reason).toContain(`form of ${inner}`);
    }
  });

  it('judges every IPv4 address by the IPv4 rules alone, not by IPv6 ranges', () => {
    // The old list held ::ffff:0:0/96, which Node's BlockList matches against every IPv4 address.
    expect(strict.refusal('8.8.8.8')).toBeUndefined();
    expect(new TargetPolicy(['::/0'], noDns).refusal('127.0.0.1')).toMatch(/loopback/);
    expect(new TargetPolicy(['::/0'], noDns).refusal('::ffff:127.0.0.1')).toMatch(/loopback/);
    expect(new TargetPolicy(['0.0.0.0/0'], noDns).refusal('::1')).toMatch(/loopback/);
    expect(new TargetPolicy(['0.0.0.0/0'], noDns).refusal('fd00::1')).toMatch(/loopback/);
  });

  it('lets the allow list open exactly what it names, in either notation of an IPv4 address', () => {
    const policy = new TargetPolicy(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', '::ffff:192.168.7.0/120'], noDns);
    for (const allowed of [
      '127.0.0.1',
      '::ffff:127.0.0.1',
      '10.9.8.7',
      '::ffff:a09:807',
      'fd00::5',
      'fdff:ffff::1',
      '192.168.7.200',
      '::ffff:192.168.7.1',
    ]) {
      expect(policy.refusal(allowed), allowed).toBeUndefined();
    }
    for (const refused of [
      '127.0.0.2',
      '172.16.0.1',
      'fc00::1',
      'fe80::1',
      '::1',
      '192.168.8.1',
      // Allowing an IPv4 address does not allow the IPv6 forms that only lead towards it.
      '::127.0.0.1',
      '::ffff:0:127.0.0.1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::',
      '2002:a00:1::',
    ]) {
      expect(policy.refusal(refused), refused).toMatch(/loopback, private or reserved address/);
    }
    expect(new TargetPolicy(['::1'], noDns).refusal('::1')).toBeUndefined();
    expect(new TargetPolicy(['2002:7f00:1::/48'], noDns).refusal('2002:7f00:1::5')).toBeUndefined();
  });

  it('checks URLs by their host, brackets and other spellings of an address included', async () => {
    const refused = [
      'http://[::127.0.0.1]:18999/',
      'http://[2002:7f00:1::]/',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::1]:8080/hook',
      'http://[fe80::1]/',
      'http://[64:ff9b::10.0.0.1]/',
      'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
      'http://127.0.0.1:9/hook',
      'http://0x7f.1/hook',
      'http://2130706433/hook',
      'http://017700000001/hook',
      'http://169.254.169.254/latest/meta-data',
      'https://10.0.0.1:8443/hook',
    ];
    for (const url of refused) {
      expect(await strict.check(new URL(url)), url).toMatch(/loopback, private or reserved address/);
    }
    for (const url of [
      'http://8.8.8.8/hook',
      'https://1.1.1.1:8443/hook',
      'http://[2001:4860:4860::8888]/hook',
      'http://[::ffff:8.8.8.8]/hook',
      'http://[2002:808:808::]/hook',
    ]) {
      expect(await strict.check(new URL(url)), url).toBeUndefined();
    }
  });

  it('refuses a name when any of its addresses is refused', async () => {
    const policy = new TargetPolicy(
      [],
      fakeDns({
        'hooks.example.test': ['8.8.8.8', '2001:4860:4860::8888'],
        'split.example.test': ['8.8.8.8', '10.0.0.1'],
        'mapped.example.test': ['::ffff:169.254.169.254'],
      }),
    );
    expect(await policy.check(new URL('https://hooks.example.test/hook'))).toBeUndefined();
    expect(await policy.check(new URL('https://split.example.test/hook'))).toMatch(
      /^split\.example\.test resolves to 10\.0\.0\.1 is a loopback/,
    );
    expect(await policy.check(new URL('https://mapped.example.test/hook'))).toMatch(/resolves to/);
    expect(await policy.check(new URL('https://missing.example.test/hook'))).toMatch(
      /cannot be resolved \(getaddrinfo ENOTFOUND/,
    );
  });

  it('refuses localhost by what it resolves to', async () => {
    expect(await new TargetPolicy([]).check(new URL('http://localhost:9/hook'))).toMatch(
      /^localhost resolves to .* loopback/,
    );
  });

  it('fails a connection whose name resolves to a refused address, and passes the others on', async () => {
    const policy = new TargetPolicy(
      [],
      fakeDns({ 'hooks.example.test': ['8.8.8.8'], 'inside.example.test': ['192.168.1.20'] }),
    );
    const lookup = (host: string, all: boolean) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
        policy.lookup(host, { all }, (err, address, family) => resolve({ err, address, family })),
      );
    expect(await lookup('hooks.example.test', false)).toEqual({ err: null, address: '8.8.8.8', family: 4 });
    expect((await lookup('hooks.example.test', true)).address).toEqual([{ address: '8.8.8.8', family: 4 }]);
    const refused = await lookup('inside.example.test', false);
    expect(refused.err?.code).toBe('EREFUSEDTARGET');
    expect(refused.err?.message).toMatch(/192\.168\.1\.20 is a loopback, private or reserved address/);
    expect((await lookup('missing.example.test', false)).err?.message).toMatch(/ENOTFOUND/);
  });
});
