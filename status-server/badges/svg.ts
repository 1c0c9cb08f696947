/**
 * Status badges as SVG: a grey label on the left, the status or uptime in its colour on the right,
 * in the styles people know from shields.io. Text is measured, never clipped, in every language
 * the page speaks.
 *
 * Widths come from a table (widths.ts) of the larger of Verdana's and DejaVu Sans's advance per
 * character, so the box fits whichever of the two a viewer has; every text also carries `textLength`
 * (the measured width), which makes any other font the viewer falls back to stretch or squeeze to the
 * box instead of running past it. The SVG has no script, no link, no external reference.
 */
import { BOLD_10PX, REGULAR_11PX, WIDTH_RANGES } from './widths.ts';

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

/** The fonts a badge's text is measured in. */
export type BadgeFont = 'regular-11' | 'regular-10' | 'bold-10';

const FONT_SIZE: Record<BadgeFont, number> = { 'regular-11': 11, 'regular-10': 10, 'bold-10': 10 };

/** Width of a character outside the table, in em: wider than any CJK ideograph or colour emoji. */
const FALLBACK_EM = 1.3;

/** The badge heights, by style. */
export const BADGE_HEIGHT: Record<BadgeStyle, number> = { flat: 20, 'flat-square': 20, 'for-the-badge': 28 };

/** for-the-badge spaces its capitals: this much per character, as shields.io does. */
const LETTER_SPACING = 1.25;

const FONT_FAMILY = 'Verdana,Geneva,DejaVu Sans,sans-serif';
const LABEL_COLOR = '#555';
/** The right half's colour when the one given is not a colour (never written into the SVG as given). */
const FALLBACK_COLOR = '#9f9f9f';

/** The width in pixels of one code point in a font, from the table or the conservative fallback. */
function charWidth(cp: number, font: BadgeFont): number {
  let offset = 0;
  for (const [first, last] of WIDTH_RANGES) {
    if (cp >= first && cp <= last) {
      const index = offset + cp - first;
      if (font === 'bold-10') return (BOLD_10PX[index] ?? 0) / 10;
      const regular = (REGULAR_11PX[index] ?? 0) / 10;
      return font === 'regular-10' ? (regular * 10) / 11 : regular;
    }
    offset += last - first + 1;
  }
  return FALLBACK_EM * FONT_SIZE[font];
}

/**
 * The width in pixels of a text in one of the badge fonts (no letter spacing), never less than what
 * Verdana or DejaVu Sans draw it in. Characters outside the table count as {@link FALLBACK_EM} em.
 */
export function textWidth(text: string, font: BadgeFont = 'regular-11'): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0, font);
  return width;
}

/**
 * A text as a badge shows it: NFC, whitespace runs as one space (as SVG draws them), without control
 * and bidi-override characters, lone surrogates or XML's non-characters.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .normalize('NFC')
    .replace(/[\s\u0085]+/g, ' ')
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/gu, '')
    .trim();
}

/** Escapes a text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `#rgb` or `#rrggbb` as `#rrggbb` in lower case, or null. */
function parseColor(color: string): string | null {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : null;
}

/** Text and shadow colours that read on a background: white on dark, dark grey on light (as shields.io). */
function inkFor(background: string): { text: string; shadow: string } {
  const n = Number.parseInt(background.slice(1), 16);
  const brightness = (0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return brightness <= 0.69 ? { text: '#fff', shadow: '#010101' } : { text: '#333', shadow: '#ccc' };
}

/** A BCP 47 tag safe to write (the tag itself is not validated further), or `und`. */
function languageTag(locale: string): string {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(locale) ? locale : 'und';
}

function upper(text: string, locale: string): string {
  try {
    return text.toLocaleUpperCase(locale);
  } catch {
    return text.toUpperCase();
  }
}

/** A number as written into the SVG: at most one decimal, no float noise. */
const num = (n: number) => String(Math.round(n * 10) / 10);

/** Rounds a width up to a whole odd number of pixels, which centres text on the pixel grid. */
const oddCeil = (n: number) => {
  const whole = Math.ceil(n - 1e-9);
  return whole % 2 === 0 ? whole + 1 : whole;
};

/** A short id, the same for the same badge, so badges inlined into one page keep their own defs. */
function idFor(parts: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

interface TextPart {
  text: string;
  /** Centre of the text, in pixels. */
  x: number;
  /** Baseline, in pixels. */
  y: number;
  width: number;
  fill: string;
  shadow: string | null;
  bold: boolean;
}

/** A text (and its shadow), drawn at 10× and scaled down, as shields.io does for finer positioning. */
function renderText(t: TextPart): string {
  if (!t.text) return '';
  const common = `x="${num(t.x * 10)}" transform="scale(.1)" textLength="${num(t.width * 10)}"${t.bold ? ' font-weight="bold"' : ''}`;
  const content = escapeXml(t.text);
  const shadow = t.shadow
    ? `<text aria-hidden="true" ${common} y="${num((t.y + 1) * 10)}" fill="${t.shadow}" fill-opacity=".3">${content}</text>`
    : '';
  return `${shadow}<text ${common} y="${num(t.y * 10)}" fill="${t.fill}">${content}</text>`;
}

/** The whole SVG document: `role="img"`, `aria-label` and `<title>` say "label: message". */
export function renderBadge(badge: Badge): string {
  const style: BadgeStyle = badgeStyles.includes(badge.style) ? badge.style : 'flat';
  const label = cleanText(badge.label);
  const message = cleanText(badge.message);
  const color = parseColor(badge.color) ?? FALLBACK_COLOR;
  const lang = languageTag(badge.locale);
  const accessible = escapeXml(label ? `${label}: ${message}` : message);
  const height = BADGE_HEIGHT[style];
  const labelInk = inkFor(LABEL_COLOR);
  const messageInk = inkFor(color);

  let leftWidth: number;
  let rightWidth: number;
  let texts: TextPart[];
  if (style === 'for-the-badge') {
    // Capitals, measured as drawn: the locale's upper case (e.g. Turkish i → İ) and its letter spacing.
    const labelText = upper(label, badge.locale);
    const messageText = upper(message, badge.locale);
    const spaced = (text: string, font: BadgeFont) =>
      text ? Math.ceil(textWidth(text, font) + LETTER_SPACING * [...text].length) : 0;
    const labelWidth = spaced(labelText, 'regular-10');
    const messageWidth = spaced(messageText, 'bold-10');
    const margin = 12;
    leftWidth = labelText ? labelWidth + 2 * margin : 0;
    rightWidth = messageWidth + 2 * margin;
    texts = [
      {
        text: labelText,
        x: margin + labelWidth / 2,
        y: 17.5,
        width: labelWidth,
        fill: labelInk.text,
        shadow: null,
        bold: false,
      },
      {
        text: messageText,
        x: leftWidth + margin + messageWidth / 2,
        y: 17.5,
        width: messageWidth,
        fill: messageInk.text,
        shadow: null,
        bold: true,
      },
    ];
  } else {
    const padding = 5;
    const labelWidth = label ? oddCeil(textWidth(label)) : 0;
    const messageWidth = message ? oddCeil(textWidth(message)) : 0;
    leftWidth = label ? labelWidth + 2 * padding : 0;
    rightWidth = messageWidth + 2 * padding;
    const shadow = style === 'flat';
    texts = [
      {
        text: label,
        x: 1 + padding + labelWidth / 2,
        y: 14,
        width: labelWidth,
        fill: labelInk.text,
        shadow: shadow ? labelInk.shadow : null,
        bold: false,
      },
      {
        text: message,
        // shields.io's layout: the message starts a pixel left of its box's padding when there is a label.
        x: leftWidth + (label ? -1 : 1) + padding + messageWidth / 2,
        y: 14,
        width: messageWidth,
        fill: messageInk.text,
        shadow: shadow ? messageInk.shadow : null,
        bold: false,
      },
    ];
  }

  const width = leftWidth + rightWidth;
  const id = idFor([style, label, message, color]);
  const rects =
    (leftWidth ? `<rect width="${leftWidth}" height="${height}" fill="${LABEL_COLOR}"/>` : '') +
    `<rect x="${leftWidth}" width="${rightWidth}" height="${height}" fill="${color}"/>`;
  const background =
    style === 'flat'
      ? `<linearGradient id="s${id}" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>` +
        `<clipPath id="r${id}"><rect width="${width}" height="${height}" rx="3" fill="#fff"/></clipPath>` +
        `<g clip-path="url(#r${id})">${rects}<rect width="${width}" height="${height}" fill="url(#s${id})"/></g>`
      : `<g shape-rendering="crispEdges">${rects}</g>`;
  const fontSize = style === 'for-the-badge' ? 100 : 110;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${accessible}" xml:lang="${lang}">` +
    `<title>${accessible}</title>${background}` +
    `<g fill="#fff" text-anchor="middle" font-family="${FONT_FAMILY}" text-rendering="geometricPrecision" font-size="${fontSize}">` +
    texts.map(renderText).join('') +
    '</g></svg>'
  );
}
