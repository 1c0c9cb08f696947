/**
 * The one rule that says whether a component serves a page, used by the server (linking a report to
 * an incident) and by the extension (telling the person about an incident on the site they work in).
 * A component's host covers itself and every subdomain: `example.com` covers `shop.example.com`,
 * never `badexample.com`.
 */
export function hostCovers(componentHost: string, host: string): boolean {
  return host === componentHost || host.endsWith(`.${componentHost}`);
}

/**
 * The host a web page is served from, as components name hosts (lowercase, without the root's
 * trailing dot); undefined for pages that are not on the web (`chrome:`, `file:`, `about:`).
 */
export function webHost(pageUrl: string): string | undefined {
  try {
    const url = new URL(pageUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.hostname.toLowerCase().replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}
