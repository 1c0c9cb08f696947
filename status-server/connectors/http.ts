import { endpoint } from '../platform/http/outbound.ts';

/**
 * One request to a help desk, with a deadline covering the answer's body too. Redirects are not
 * followed: fetch would turn a redirected POST into a GET and lose the report. A network failure
 * becomes an error naming the endpoint (without query or credentials, as it is shown in the console).
 */
export async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    throw new Error(`${init.method ?? 'GET'} ${endpoint(url)} failed: ${cause ?? (err as Error).message}`);
  }
}
