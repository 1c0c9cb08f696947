import { browser } from 'wxt/browser';
import { redactUrl } from '../../shared/redact-url.ts';
import type { ConsoleEntry, Environment } from '../../shared/schemas/report.ts';
import { isoWithOffset } from './capture/band.ts';
import type { PageMetrics } from './messages.ts';

/** Browser and OS from the user agent: brand tokens first, as Edge and Opera also say "Chrome". */
export function browserFromUserAgent(ua: string): { browser: string; version: string; os: string } {
  const known: [string, RegExp][] = [
    ['Edge', /Edg\/([\d.]+)/],
    ['Opera', /OPR\/([\d.]+)/],
    ['Firefox', /Firefox\/([\d.]+)/],
    ['Chromium', /Chromium\/([\d.]+)/],
    ['Chrome', /Chrome\/([\d.]+)/],
    ['Safari', /Version\/([\d.]+).*Safari/],
  ];
  const found = known.find(([, re]) => re.test(ua));
  const os = /Windows NT 10/.test(ua)
    ? 'Windows 10/11'
    : /Windows/.test(ua)
      ? 'Windows'
      : /Android ([\d.]+)/.test(ua)
        ? `Android ${/Android ([\d.]+)/.exec(ua)?.[1]}`
        : /(iPhone|iPad).*OS ([\d_]+)/.test(ua)
          ? `iOS ${/OS ([\d_]+)/.exec(ua)?.[1]?.replace(/_/g, '.')}`
          : /Mac OS X ([\d_]+)/.test(ua)
            ? `macOS ${/Mac OS X ([\d_]+)/.exec(ua)?.[1]?.replace(/_/g, '.')}`
            : /CrOS/.test(ua)
              ? 'ChromeOS'
              : /Linux/.test(ua)
                ? 'Linux'
                : 'unknown';
  return { browser: found?.[0] ?? 'unknown', version: found ? (found[1].exec(ua)?.[1] ?? '') : '', os };
}

/** The facts support always asks for, from the page's own view of itself. */
export function environmentOf(metrics: PageMetrics, at: Date): Environment {
  const b = browserFromUserAgent(metrics.userAgent);
  return {
    url: metrics.url,
    title: metrics.title.slice(0, 500),
    captured_at: isoWithOffset(at),
    time_zone: metrics.timeZone,
    browser: b.browser,
    browser_version: b.version,
    os: b.os,
    viewport: { width: metrics.viewportWidth, height: metrics.viewportHeight },
    screen: metrics.screen,
    device_pixel_ratio: metrics.devicePixelRatio,
    language: metrics.language,
    extension_version: browser.runtime.getManifest().version,
  };
}

/** Page errors as a report may carry them: request URLs without query strings or tokens. */
export function redactEntries(entries: readonly ConsoleEntry[]): ConsoleEntry[] {
  return entries.map((e) => ({
    ...e,
    ...(e.source
      ? { source: e.kind === 'network' ? redactUrl(e.source) : redactSourceLocation(e.source) }
      : {}),
  }));
}

/** `https://x/app.js?v=3:10:5` → the script's redacted URL with its line and column kept. */
function redactSourceLocation(source: string): string {
  const m = /^(.*?)(:\d+:\d+)$/.exec(source);
  return m ? `${redactUrl(m[1] as string)}${m[2]}` : redactUrl(source);
}
