/**
 * Which fixed elements each capture of a full page shows, so that each appears once in the stitched
 * image and none covers the page in a later capture. Pure: the capture loop measures the fixed
 * elements at every scroll position and asks here which of them to hide before it captures.
 *
 * An element fixed at the top of the page (a header, a sidebar, a notice) is shown in the first
 * capture, where it sits when the page is at its top. One wholly in the lower half of the viewport (a
 * bottom bar, a cookie banner, a chat button) is shown in the last capture, at the page's end, as
 * Chromium's own full-page screenshot shows it. An element that only becomes fixed further down (a
 * header that a script pins after the hero) would cover rows no other capture shows: it is hidden,
 * and the page shows it where it sat in the flow before the script pinned it.
 */

/** A fixed element's box relative to the viewport in CSS px; `id` names it across captures. */
export interface FixedBox {
  id: number;
  top: number;
  bottom: number;
}

/** The capture where an element is shown: the first, the one at the page's end, or none. */
export type Place = 'first' | 'end' | 'never';

export interface TileRole {
  /** The capture of the page's top. */
  first: boolean;
  /** The capture of the page's end (never when the image stops before it). */
  last: boolean;
}

/** Where an element first seen in the capture `tile` belongs. */
export function placeOf(box: FixedBox, viewportHeight: number, tile: TileRole): Place {
  if (!tile.first) return 'never';
  return box.top >= viewportHeight / 2 ? 'end' : 'first';
}

/**
 * The elements to hide in one capture, and the places of all seen so far (those of `known` kept: an
 * element keeps the place it got when first seen, whatever it does later).
 */
export function pinnedStep(
  known: ReadonlyMap<number, Place>,
  boxes: readonly FixedBox[],
  tile: TileRole,
  viewportHeight: number,
): { places: Map<number, Place>; hide: number[] } {
  const places = new Map(known);
  const hide: number[] = [];
  for (const box of boxes) {
    let place = places.get(box.id);
    if (place === undefined) {
      place = placeOf(box, viewportHeight, tile);
      places.set(box.id, place);
    }
    const shown = (place === 'first' && tile.first) || (place === 'end' && tile.last);
    if (!shown) hide.push(box.id);
  }
  return { places, hide: hide.sort((a, b) => a - b) };
}
