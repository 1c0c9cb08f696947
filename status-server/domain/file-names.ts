import type { Sniffed } from './sniff.ts';

/** The extension of each accepted type: a file is named for what its bytes are, not what it claimed. */
const EXTENSIONS: Record<Sniffed['type'], string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'application/pdf': '.pdf',
};

/**
 * Room for a long, readable stem in any script while the whole name stays far below the 255 bytes
 * file systems allow (a Cyrillic letter is two bytes in UTF-8, a Chinese one three).
 */
const MAX_STEM_BYTES = 150;

const FALLBACK_STEM = 'attachment';
/** Device names Windows will not create a file under, whatever follows the first dot. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/** An extension as a reporter's system would have written one: a dot and a few letters or digits. */
const TRAILING_EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/**
 * The name a stored attachment is kept, served and forwarded under, made from the reporter's name and
 * the type its bytes were sniffed as. The reporter's readable stem stays (letters of any script,
 * digits, spaces, dashes, `. _ ( ) + ,`); everything that could mean something to a header, a shell, a file
 * system or a reader's eye goes: path parts (`/` and `\`), control and format characters (line
 * breaks, NUL, bidirectional overrides such as U+202E, zero-width characters), quotes and other
 * punctuation. The extension always comes from the sniffed type, so a PNG named `x.html` is `x.png`.
 *
 * The same name comes out when it goes in again, so applying it both where a name enters (the
 * intake) and where it leaves (downloads, connectors) changes only names stored before it existed.
 */
export function safeFileName(name: string, contentType: string): string {
  const extension = EXTENSIONS[contentType as Sniffed['type']] ?? '.bin';
  // Only the last part of a path is a name: `C:\Users\ana\shot.png`, `../../etc/passwd`.
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let stem = base
    // Line breaks, tabs and every kind of space separate words; anything else not known to be
    // harmless becomes `_`, so the reader still sees that something was there.
    .replace(/[\p{Cc}\p{Z}]+/gu, ' ')
    .replace(/[^\p{L}\p{M}\p{N}\p{Pd} ._()+,]/gu, '_')
    .replace(/ {2,}/g, ' ');
  stem = trimEnds(stem.replace(TRAILING_EXTENSION, ''));
  stem = trimEnds(truncate(stem, MAX_STEM_BYTES));
  // `nul.tar` is the device too: the mark goes right after the device name.
  stem = stem.replace(WINDOWS_DEVICE, '$1_$2');
  return `${stem || FALLBACK_STEM}${extension}`;
}

/** Leading dots hide a file or climb a directory, a leading `-` reads as an option, and Windows drops trailing dots and spaces. */
function trimEnds(stem: string): string {
  return stem.replace(/^[\s._-]+|[\s._-]+$/g, '');
}

/** At most `maxBytes` of UTF-8, cut between characters as a reader sees them (an accent stays on its letter). */
function truncate(text: string, maxBytes: number): string {
  if (utf8.encode(text).byteLength <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    bytes += utf8.encode(segment).byteLength;
    if (bytes > maxBytes) break;
    out += segment;
  }
  return out;
}

/** Types a browser shows itself; anything else (a PDF) is offered as a download, not opened in a tab. */
const INLINE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/**
 * `Content-Disposition` for a name `safeFileName` made: inline only for images, with an ASCII
 * `filename` every client reads and, when the name is not plain ASCII, the exact name as RFC 6266's
 * `filename*` in UTF-8 (RFC 8187), which browsers prefer.
 */
export function contentDisposition(safeName: string, contentType: string): string {
  const disposition = INLINE_TYPES.has(contentType) ? 'inline' : 'attachment';
  const ascii = safeName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9 ._\-()+,]/g, '_');
  if (ascii === safeName) return `${disposition}; filename="${ascii}"`;
  const encoded = encodeURIComponent(safeName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
