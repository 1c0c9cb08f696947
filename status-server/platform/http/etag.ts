import { createHash } from 'node:crypto';

/** A strong ETag of a body's bytes (its SHA-1, 22 base64url characters): equal bodies, equal tags, on every instance. */
export const contentEtag = (body: string | Uint8Array): string =>
  `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

/**
 * Whether an `If-None-Match` header names `etag` (weakly compared, as RFC 9110 asks for
 * If-None-Match) or is `*`.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag.replace(/^W\//, '');
  });
}
