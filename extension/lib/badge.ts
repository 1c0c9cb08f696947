import { browser } from 'wxt/browser';

/**
 * The toolbar badge says two things at once: how many requests wait for the person's answer, and
 * whether an incident touches where they work. Each watcher sets its own part; the badge shows both
 * (the count, with a "!" beside it while an incident is on). The parts live in session storage, so
 * a service worker that slept and woke draws the same badge.
 */
export interface BadgeParts {
  /** Requests in `waiting_for_customer`. */
  waiting: number;
  /** Current incidents on the sites or components the person follows. */
  incidents: number;
}

const KEY = 'badge';
const NONE: BadgeParts = { waiting: 0, incidents: 0 };

/** Red for an incident, which outranks a question waiting; blue for requests alone. */
const INCIDENT_COLOR = '#b42318';
const WAITING_COLOR = '#1d4ed8';

/** What the badge shows for these parts: empty when there is nothing to say. */
export function badgeOf(parts: BadgeParts): { text: string; color: string } {
  const count = parts.waiting > 99 ? '99+' : parts.waiting > 0 ? String(parts.waiting) : '';
  if (parts.incidents > 0) return { text: `${count}!`, color: INCIDENT_COLOR };
  return { text: count, color: WAITING_COLOR };
}

async function readParts(): Promise<BadgeParts> {
  const stored = (await browser.storage.session.get(KEY))[KEY] as Partial<BadgeParts> | undefined;
  return { ...NONE, ...stored };
}

/** Sets one part of the badge and draws it again. */
export async function setBadgePart(part: keyof BadgeParts, value: number): Promise<void> {
  const parts = { ...(await readParts()), [part]: value };
  await browser.storage.session.set({ [KEY]: parts });
  const { text, color } = badgeOf(parts);
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setBadgeText({ text });
}

/** The badge's parts as drawn last (for the tests and for the pages that explain it). */
export const badgeParts = readParts;
