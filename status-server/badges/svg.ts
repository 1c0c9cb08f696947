/**
 * Status badges as SVG: a grey label on the left, the status or uptime in its colour on the right,
 * in the styles people know from shields.io. Text is measured, never clipped, in every language
 * the page speaks.
 */
export type BadgeStyle = 'flat' | 'flat-square' | 'for-the-badge';
export const badgeStyles: readonly BadgeStyle[] = ['flat', 'flat-square', 'for-the-badge'];

export interface Badge {
  /** Left text, e.g. the page's or the component's name (already length-limited by the caller). */
  label: string;
  /** Right text, e.g. "operational" or "99.98 %". */
  message: string;
  /** The right half's colour, `#rrggbb`. */
  color: string;
  style: BadgeStyle;
  /** The language of the texts, for the SVG's `xml:lang` (and `text-transform` of for-the-badge). */
  locale: string;
}

/** The whole SVG document: `role="img"`, `aria-label` and `<title>` say "label: message". */
export function renderBadge(badge: Badge): string {
  throw new Error(`not implemented yet: ${badge.label}`);
}
