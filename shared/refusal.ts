/**
 * Whether an HTTP answer refuses the request for what it is, so sending it again cannot help. Only
 * the receiver's refusal of the request itself (4xx) is final; a timeout (408), a rate limit (429),
 * a redirect or a server error may pass on a later try.
 */
export function isFinalRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
