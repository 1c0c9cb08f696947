import { describe, expect, it } from 'vitest';
import { encodeSharp } from '../../extension/lib/capture/encode.ts';

/** A canvas whose encoders answer blobs of the sizes given, by type and quality; it records the calls. */
function fakeCanvas(sizes: Record<string, number>, size = { width: 1280, height: 9000 }) {
  const calls: string[] = [];
  const canvas = {
    ...size,
    async convertToBlob({ type, quality }: { type: string; quality?: number }) {
      const key = quality === undefined ? type : `${type} ${quality}`;
      calls.push(key);
      const bytes = sizes[key];
      // An encoder the browser lacks gives PNG, as browsers do.
      return bytes === undefined
        ? new Blob([new Uint8Array(sizes['image/png'] ?? 0)], { type: 'image/png' })
        : new Blob([new Uint8Array(bytes)], { type });
    },
  };
  return { canvas: canvas as unknown as OffscreenCanvas, calls };
}

/** A unit scaled down, so the test allocates little: the choice depends only on sizes against the budget. */
const MB = 1024;

describe('encoding a whole page or a part of it sharply, within its budget', () => {
  it('keeps PNG, lossless, while it fits, and tries nothing else', async () => {
    const { canvas, calls } = fakeCanvas({ 'image/png': 4 * MB });
    expect((await encodeSharp(canvas, 8 * MB)).type).toBe('image/png');
    expect(calls).toEqual(['image/png']);
  });

  it('takes lossless WebP next when PNG is over the budget (Firefox’s PNG compresses little)', async () => {
    const { canvas } = fakeCanvas({ 'image/png': 12 * MB, 'image/webp 1': 3 * MB });
    expect((await encodeSharp(canvas, 8 * MB)).type).toBe('image/webp');
  });

  it('goes to JPEG only when lossless cannot fit, at the best quality that does', async () => {
    const { canvas, calls } = fakeCanvas({
      'image/png': 14 * MB,
      'image/webp 1': 13 * MB,
      'image/jpeg 0.92': 9 * MB,
      'image/jpeg 0.85': 7 * MB,
      'image/jpeg 0.75': 5 * MB,
    });
    const blob = await encodeSharp(canvas, 8 * MB);
    expect([blob.type, blob.size]).toEqual(['image/jpeg', 7 * MB]);
    expect(calls).toEqual(['image/png', 'image/webp 1', 'image/jpeg 0.92', 'image/jpeg 0.85']);
  });

  it('never tries WebP past its 16,383 px and never fails: the smallest goes when nothing fits', async () => {
    const { canvas, calls } = fakeCanvas(
      {
        'image/png': 30 * MB,
        'image/jpeg 0.92': 20 * MB,
        'image/jpeg 0.85': 18 * MB,
        'image/jpeg 0.75': 16 * MB,
        'image/jpeg 0.6': 14 * MB,
        'image/jpeg 0.45': 12 * MB,
      },
      { width: 1280, height: 20_000 },
    );
    const blob = await encodeSharp(canvas, 8 * MB);
    expect(blob.size).toBe(12 * MB);
    expect(calls).not.toContain('image/webp 1');
  });
});
