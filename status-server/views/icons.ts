import type { StatusIndicator } from '../../shared/schemas/status.ts';
import { type Html, html } from './markup.ts';

/**
 * One shape per severity, so status never rests on colour alone. The marks inside take their stroke
 * from CSS (`.ic { stroke }`), which lets them contrast with the circle in either theme.
 */
const marks: Record<StatusIndicator, string> = {
  none: 'm4.6 8.3 2.2 2.2 4.6-4.8',
  minor: 'M4.6 8h6.8',
  major: 'M8 4.2v4.6M8 11.4v.4',
  critical: 'm5.3 5.3 5.4 5.4m0-5.4-5.4 5.4',
  maintenance: 'M8 4.3V8l2.6 1.7',
};

/** Defined once per page and drawn with `<use>`, which keeps ten components' icons to a few bytes. */
export const iconSprite: Html = html`<svg class="sprite" aria-hidden="true" focusable="false">${Object.entries(
  marks,
).map(
  ([tone, d]) =>
    html`<symbol id="i-${tone}" viewBox="0 0 16 16"><circle cx="8" cy="8" r="8" stroke="none"/><path d="${d}" fill="none" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round"/></symbol>`,
)}</svg>`;

/** Decorative: the text beside it carries the meaning. */
export function icon(tone: StatusIndicator): Html {
  return html`<svg class="ic" aria-hidden="true" focusable="false"><use href="#i-${tone}"/></svg>`;
}
