import { statusBatchRequest } from '../../shared/schemas/report.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { checkJsonType, parseJson } from '../platform/http/body.ts';
import { contentEtag, etagMatches } from '../platform/http/etag.ts';
import { BASELINE, DEFAULT_OTHER_POLICY } from '../platform/http/headers.ts';
import { tokenBuckets } from '../platform/http/rate-limit.ts';
import { rememberingVerifier, serverKey } from '../reports/keys.ts';
import { summarise, summaryReader } from './summaries.ts';

/**
 * Calls one client address may make a minute. Every browser behind a corporate NAT shares one
 * address: 10,000 of them polling once a minute are about 170 calls a second, and the bench loads
 * one core with 20 times that from one address. This is above what one core serves, so it never
 * refuses honest clients, only one that alone would take a whole server.
 */
const CALLS_PER_MINUTE = 600_000;
/** Good secrets the call remembers: every open request's, for the 10,000 the target counts, twice over. */
const REMEMBERED_SECRETS = 20_000;

/** A status call as it arrived: its body's text, and the headers that matter to the answer. */
export interface StatusAsk {
  contentType: string | undefined;
  ifNoneMatch: string | undefined;
  text: string;
}

/** The answer to a status call: 200 with the summaries, or 304 when the caller's ETag still holds. */
export type StatusAnswer = { headers: [string, string][] } & (
  | { status: 200; body: string }
  | { status: 304; body: null }
);

export type StatusCall = ((ask: StatusAsk) => Promise<StatusAnswer>) & {
  /** Spends one of the client's calls, or throws the 429 (before the body is read). */
  admit(client: string): void;
};

/**
 * `POST /api/reports/status`, the batched status read every open request's browser makes once a
 * minute, apart from how it arrived: the app's route and the listener's lane (requests/status-lane.ts)
 * both answer through this one. Refusals are thrown as the API's 4xx.
 */
export function statusCall(deps: { store: Store; config: Config }): StatusCall {
  const { store, config } = deps;
  const take = tokenBuckets({ perMinute: CALLS_PER_MINUTE, burst: CALLS_PER_MINUTE / 60 });
  const read = summaryReader(store);
  const incidentUrl = (id: string) => `${config.publicUrl}/incidents/${id}`;
  // The key never changes once made: read once, not on every call (a failed read is retried).
  let verifier: Promise<ReturnType<typeof rememberingVerifier>> | undefined;
  const verifierOnce = () => {
    verifier ??= serverKey(store.db, 'report-status').then(
      (key) => rememberingVerifier(key, REMEMBERED_SECRETS),
      (err) => {
        verifier = undefined;
        throw err;
      },
    );
    return verifier;
  };
  const call = async (ask: StatusAsk): Promise<StatusAnswer> => {
    checkJsonType(ask.contentType);
    const { reports } = parseJson(ask.text, statusBatchRequest);
    const verify = await verifierOnce();
    // Unknown references and wrong secrets end up alike in `unknown`, so neither can be probed.
    const opens = (ref: string, secret: string) => verify(secret, ref);
    const clock = { now: new Date(), reopenWindowMs: config.reopenWindowMs };
    const body = JSON.stringify(await summarise(read, reports, opens, clock, incidentUrl));
    const etag = contentEtag(body);
    const headers: [string, string][] = [
      ...Object.entries(BASELINE),
      ['etag', etag],
      ['cache-control', 'private, no-cache'],
    ];
    // RFC 9110 would answer a matching If-None-Match on a POST with 412; this answers 304, which
    // the extension reads as "nothing changed" (the README's API section says so).
    if (etagMatches(ask.ifNoneMatch, etag)) return { status: 304, headers, body: null };
    headers.push(['content-type', 'application/json'], ['content-security-policy', DEFAULT_OTHER_POLICY]);
    return { status: 200, headers, body };
  };
  return Object.assign(call, { admit: take });
}
