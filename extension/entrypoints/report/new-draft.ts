import { browser } from 'wxt/browser';
import { isoWithOffset } from '../../lib/capture/band.ts';
import { browserFromUserAgent } from '../../lib/environment.ts';
import type { Draft } from '../../lib/store.ts';

/**
 * A draft for a page the browser would not let the extension capture (its store, settings pages):
 * the facts come from this page's own view of the browser, and the person types the page address.
 */
export function draftWithoutCapture(now = new Date()): Draft {
  const b = browserFromUserAgent(navigator.userAgent);
  return {
    id: crypto.randomUUID(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    environment: {
      url: '',
      title: '',
      captured_at: isoWithOffset(now),
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      browser: b.browser,
      browser_version: b.version,
      os: b.os,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      screen: { width: screen.width, height: screen.height },
      device_pixel_ratio: window.devicePixelRatio || 1,
      language: navigator.language,
      extension_version: browser.runtime.getManifest().version,
    },
    console: [],
    captures: [],
  };
}
