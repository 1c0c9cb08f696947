/**
 * How public webhook URLs are told apart. The URL parser has already put the scheme and host in
 * lower case, the host in ASCII (IDN), IPv4 addresses in dotted form, and left out a default port.
 */

/** The host as the per-host limit counts it: a trailing dot names the same host. */
export function targetHost(url: URL): string {
  return url.hostname.replace(/\.+$/, '');
}

/**
 * The endpoint a URL names, for finding a public subscription that already posts there: scheme,
 * host, port and path, the path's escapes in upper case and without a trailing slash. The query is
 * left out on purpose: it picks options or carries a token at the same endpoint, so counting it
 * would let anyone subscribe one receiver any number of times (`/hook?a=1`, `/hook?a=2`, …). The
 * fragment is never sent, and a user name and password reach the same endpoint. A receiver that
 * really needs two queries on one path is added by an admin, whose webhooks are compared as written.
 */
export function webhookKey(url: URL): string {
  const port = url.port ? `:${url.port}` : '';
  const path = url.pathname.replace(/%[0-9a-f]{2}/gi, (hex) => hex.toUpperCase()).replace(/\/+$/, '');
  return `${url.protocol}//${targetHost(url)}${port}${path || '/'}`;
}

/** `/services/T…/B…/<secret>`: the path of every Slack incoming webhook. */
const slackPath = /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/;

/**
 * A Slack incoming-webhook URL. It can only post into the one channel of the workspace that made
 * it, and its last part is a secret that workspace was given: holding one already shows control of
 * where it posts, so it needs no verification request.
 */
export function isSlackIncomingWebhook(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    targetHost(url) === 'hooks.slack.com' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    slackPath.test(url.pathname)
  );
}
