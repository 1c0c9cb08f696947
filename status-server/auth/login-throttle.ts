/**
 * Failures a client may have for an account before each further try waits. A person who mistypes
 * twice is never slowed down.
 */
const FREE_FAILURES = 3;
/** The first wait; each further failure doubles it, up to `MAX_DELAY_MS`. */
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60_000;
/** A client's failures are forgotten this long after its last one. */
const FORGET_AFTER_MS = 60 * 60_000;
/**
 * Failures for one account from all clients together in `ACCOUNT_WINDOW_MS` past which the account is
 * under attack from many addresses at once: then every failing client waits from its first failure.
 * A client that has not failed is still never refused.
 */
const ACCOUNT_CEILING = 100;
const ACCOUNT_WINDOW_MS = 15 * 60_000;
/** Clients and accounts remembered at most; past it the oldest are forgotten first. */
const MAX_ENTRIES = 50_000;

interface ClientFailures {
  failures: number;
  last: number;
}

interface AccountFailures {
  failures: number;
  since: number;
}

/**
 * Failed logins per account and client (a browser the account has logged in from before, or else the
 * client's address), in this process's memory: with several instances each counts its own, which
 * still slows guessing to a crawl; a restart forgets them.
 *
 * There is no lockout: failures only make that same client wait, for longer each time, so nobody can
 * keep an account's owner out by failing on purpose. Behind a proxy every new browser shares the
 * proxy's address, which is why a browser is known by its device cookie once it has logged in.
 */
export class LoginThrottle {
  private readonly clients = new Map<string, ClientFailures>();
  private readonly accounts = new Map<string, AccountFailures>();
  private readonly now: () => number;
  private readonly accountCeiling: number;

  constructor(options: { now?: () => number; accountCeiling?: number } = {}) {
    this.now = options.now ?? Date.now;
    this.accountCeiling = options.accountCeiling ?? ACCOUNT_CEILING;
  }

  /** Milliseconds until `client` may try `account` again; 0 when it may now. */
  waitFor(account: string, client: string): number {
    const now = this.now();
    const mine = this.clients.get(keyOf(account, client));
    if (!mine || now - mine.last >= FORGET_AFTER_MS) return 0;
    const free = this.underAttack(account, now) ? 0 : FREE_FAILURES;
    if (mine.failures < free) return 0;
    const delay = Math.min(FIRST_DELAY_MS * 2 ** Math.min(mine.failures - free, 30), MAX_DELAY_MS);
    return Math.max(0, mine.last + delay - now);
  }

  fail(account: string, client: string): void {
    const now = this.now();
    const key = keyOf(account, client);
    const mine = this.clients.get(key);
    const failures = mine && now - mine.last < FORGET_AFTER_MS ? mine.failures + 1 : 1;
    // Deleted and set again, so the map's order is oldest failure first, for `prune`.
    this.clients.delete(key);
    this.clients.set(key, { failures, last: now });
    const all = this.accounts.get(account);
    this.accounts.delete(account);
    this.accounts.set(
      account,
      all && now - all.since < ACCOUNT_WINDOW_MS
        ? { failures: all.failures + 1, since: all.since }
        : { failures: 1, since: now },
    );
    if (this.clients.size > MAX_ENTRIES || this.accounts.size > MAX_ENTRIES) this.prune(now);
  }

  /** The right password: this client's failures for the account are forgotten. */
  succeed(account: string, client: string): void {
    this.clients.delete(keyOf(account, client));
  }

  /** Clients and accounts remembered, for tests of the memory bound. */
  get size(): { clients: number; accounts: number } {
    return { clients: this.clients.size, accounts: this.accounts.size };
  }

  private underAttack(account: string, now: number): boolean {
    const all = this.accounts.get(account);
    return !!all && now - all.since < ACCOUNT_WINDOW_MS && all.failures >= this.accountCeiling;
  }

  /**
   * Forgets what no longer counts, then, if a guesser cycling addresses or e-mails still fills the
   * maps, the oldest entries.
   */
  private prune(now: number): void {
    for (const [key, c] of this.clients) if (now - c.last >= FORGET_AFTER_MS) this.clients.delete(key);
    for (const [key, a] of this.accounts) if (now - a.since >= ACCOUNT_WINDOW_MS) this.accounts.delete(key);
    for (const map of [this.clients, this.accounts] as Map<string, unknown>[]) {
      for (const key of map.keys()) {
        if (map.size <= MAX_ENTRIES * 0.9) break;
        map.delete(key);
      }
    }
  }
}

const keyOf = (account: string, client: string) => `${account}\n${client}`;
