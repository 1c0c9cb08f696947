import { addConsoleUser } from '../../status-server/auth/passwords.ts';
import { newId } from '../../status-server/domain/ids.ts';
import type { TestServer } from './server.ts';

/** A browser's view of the console: its cookies, and the form token read from the pages it loaded. */
export interface ConsoleClient {
  cookies: Map<string, string>;
  csrf: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Posts a form as a browser on this site would, with the form token unless `csrf` says otherwise. */
  post(
    path: string,
    fields: Record<string, string | string[]>,
    options?: { csrf?: string | null; origin?: string },
  ): Promise<Response>;
}

const ORIGIN = 'http://status.test';

/** Reads `Set-Cookie` into the jar; an emptied or expired cookie is dropped, as a browser does. */
function keepCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (!value || /max-age=0\b/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

export const csrfOf = (page: string) => /name="_csrf" value="([^"]*)"/.exec(page)?.[1] ?? '';

export function consoleClient(server: Pick<TestServer, 'request'>): ConsoleClient {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const client: ConsoleClient = {
    cookies,
    csrf: '',
    async get(path, headers = {}) {
      const res = await server.request(path, { headers: { ...headers, cookie: cookieHeader() } });
      keepCookies(cookies, res);
      return res;
    },
    async post(path, fields, options = {}) {
      const body = new URLSearchParams();
      const token = options.csrf === undefined ? client.csrf : options.csrf;
      if (token !== null) body.append('_csrf', token);
      for (const [name, value] of Object.entries(fields))
        for (const v of [value].flat()) body.append(name, v);
      const res = await server.request(path, {
        method: 'POST',
        headers: {
          cookie: cookieHeader(),
          origin: options.origin ?? ORIGIN,
          'sec-fetch-site': options.origin && options.origin !== ORIGIN ? 'cross-site' : 'same-origin',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
      keepCookies(cookies, res);
      return res;
    },
  };
  return client;
}

/** Logs in through the form, as a person would; the client then holds the session and its form token. */
export async function logIn(
  server: Pick<TestServer, 'request'>,
  email: string,
  password: string,
): Promise<{ client: ConsoleClient; response: Response }> {
  const client = consoleClient(server);
  client.csrf = csrfOf(await (await client.get('/console/login')).text());
  const response = await client.post('/console/login', { email, password });
  if (response.status === 303) client.csrf = csrfOf(await (await client.get('/console')).text());
  return { client, response };
}

/** A new console user and a client logged in as them. */
export async function signedIn(server: Pick<TestServer, 'request' | 'store'>): Promise<ConsoleClient> {
  const email = `agent-${newId()}@example.com`;
  const password = await addConsoleUser(server.store.db, email, 'Agent Smith');
  if (!password) throw new Error('the test user exists already');
  const { client, response } = await logIn(server, email, password);
  if (response.status !== 303) throw new Error(`logging in failed with ${response.status}`);
  return client;
}
