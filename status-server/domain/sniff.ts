/** What the bytes of an upload are, whatever the client declared. */
export interface Sniffed {
  type: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | 'application/pdf';
  width?: number;
  height?: number;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => ((u16be(b, i) << 16) >>> 0) + u16be(b, i + 2);

/**
 * Recognises the accepted formats by their magic bytes and reads image dimensions from the header.
 * Answers undefined for anything else, including an image whose header is cut short or broken.
 */
export function sniff(b: Uint8Array): Sniffed | undefined {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && ascii(b, 12, 16) === 'IHDR') {
    return image('image/png', u32be(b, 16), u32be(b, 20));
  }
  if (startsWith(b, [0xff, 0xd8, 0xff])) return jpeg(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return webp(b);
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')
    return image('image/gif', u16le(b, 6), u16le(b, 8));
  if (ascii(b, 0, 5) === '%PDF-') return { type: 'application/pdf' };
  return undefined;
}

/** Wider or taller than any screen capture could be: a header that lies, or a decompression bomb. */
const MAX_SIDE = 65_535;

function image(type: Sniffed['type'], width: number, height: number): Sniffed | undefined {
  if (!(width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE)) return undefined;
  return { type, width, height };
}

function jpeg(b: Uint8Array): Sniffed | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] as number;
    // Start-of-frame markers carry the size; C4 (Huffman), C8 and CC (arithmetic) are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return image('image/jpeg', u16be(b, i + 7), u16be(b, i + 5));
    }
    i += 2 + u16be(b, i + 2);
  }
  return undefined;
}

function webp(b: Uint8Array): Sniffed | undefined {
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8 ' && startsWith(b, [0x9d, 0x01, 0x2a], 23)) {
    return image('image/webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const [b0, b1, b2, b3] = [b[21] ?? 0, b[22] ?? 0, b[23] ?? 0, b[24] ?? 0];
    return image(
      'image/webp',
      1 + (b0 | ((b1 & 0x3f) << 8)),
      1 + ((b1 >> 6) | (b2 << 2) | ((b3 & 0x0f) << 10)),
    );
  }
  if (chunk === 'VP8X') return image('image/webp', 1 + u24le(b, 24), 1 + u24le(b, 27));
  return undefined;
}
