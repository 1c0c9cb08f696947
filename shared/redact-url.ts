/**
 * Makes a URL safe to put in a report (failed requests, page errors): what support needs to find the
 * place — scheme, host, port and the shape of the path — without what belongs to the person.
 *
 * The rule:
 * - the query string and the fragment are dropped (they carry tokens, e-mails, search terms, OAuth
 *   codes); so are a user name and password before the host;
 * - a path segment is replaced by a placeholder when it looks like a secret or personal data:
 *   `:email` (an address), `:jwt` (a JSON Web Token), `:uuid`, `:hex` (16+ hex digits: hashes, session
 *   ids, keys), `:card` (13–19 digits passing the Luhn check), `:token` (20+ letters and digits mixed,
 *   as random keys are), and any segment right after a path word that announces a secret, such as
 *   `/reset-password/…`, `/token/…` or `/unsubscribe/…`;
 * - `;jsessionid=…`-style path parameters are dropped from a segment;
 * - what support can use stays: numeric ids such as order 456, readable slugs, file names;
 * - URLs without a host (`data:`, `blob:`, `javascript:`) keep only their scheme: their body is content.
 */

const PLACEHOLDER = {
  email: ':email',
  jwt: ':jwt',
  uuid: ':uuid',
  hex: ':hex',
  card: ':card',
  token: ':token',
  secret: ':secret',
} as const;

/** Path words after which the next segment is a secret whatever it looks like. */
const SECRET_LEADS =
  /^(token|tokens|key|apikey|api-key|secret|reset|reset-password|password-reset|signature|sig|invite|invitation|magic|magic-link|verify|confirm|activate|unsubscribe|otp)$/i;

/** Redacted URLs longer than this are cut: a report needs the place, not a megabyte of path. */
const MAX_LENGTH = 500;

const EMAIL = /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/;
const JWT = /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Hex with both digits and letters; digits alone are an id such as an order number. */
const HEX = /^(?=.*\d)(?=.*[a-f])[0-9a-f]{16,}$/i;
const DIGITS = /^\d{13,19}$/;
/** A run of letters and digits this long, mixing both, is random; words and slugs have separators. */
const TOKEN = /(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{20,}/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The placeholder for a secret-looking segment, or the segment itself. */
function redactSegment(raw: string, afterSecretLead: boolean): string {
  const segment = raw.split(';')[0] ?? '';
  if (segment === '') return segment;
  if (afterSecretLead) return PLACEHOLDER.secret;
  const text = decoded(segment);
  if (EMAIL.test(text)) return PLACEHOLDER.email;
  if (JWT.test(text)) return PLACEHOLDER.jwt;
  if (UUID.test(text)) return PLACEHOLDER.uuid;
  if (DIGITS.test(text) && luhn(text)) return PLACEHOLDER.card;
  if (HEX.test(text)) return PLACEHOLDER.hex;
  if (TOKEN.test(text)) return PLACEHOLDER.token;
  return segment;
}

function redactPath(path: string): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => redactSegment(segment, i > 0 && SECRET_LEADS.test(segments[i - 1] ?? '')))
    .join('/');
}

function capped(url: string): string {
  return url.length > MAX_LENGTH ? `${url.slice(0, MAX_LENGTH - 1)}…` : url;
}

/** The URL as a report may show it; relative and unparsable input is redacted by the same path rule. */
export function redactUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return capped(redactPath(input.trim().split(/[?#]/)[0] ?? ''));
  }
  if (url.host === '') return url.protocol;
  return capped(`${url.protocol}//${url.host}${redactPath(url.pathname)}`);
}
