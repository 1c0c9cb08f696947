/**
 * Which fixed elements each capture of a full page shows, so that each appears once in the stitched
 * image and none covers the page in a later capture. Pure: the capture loop measures the fixed
 * elements at every scroll position and asks here which of them to hide before it captures.
 *
 * Every element fixed while the page is at its top (a header, a sidebar, a bottom bar, a cookie
 * banner, a chat button) is shown in the first capture, where it sits on the page's first screen, as
 * Chromium's own full-page screenshot shows it, and hidden in every later one. An element that only
 * becomes fixed further down (a menu a script pins after the hero, a back-to-top button) would cover
 * rows no other capture shows: it is hidden, and the page shows it where it sat in the flow before
 * the script pinned it, if anywhere.
 */

/** A fixed element's box relative to the viewport in CSS px; `id` names it across captures. */
export interface FixedBox {
  id: number;
  top: number;
  bottom: number;
}

/** The capture where an element is shown: the first (the page's top), or none. */
export type Place = 'first' | 'never';

/**
 * The elements to hide in one capture, and the places of all seen so far (those of `known` kept: an
 * element keeps the place it got when first seen, whatever it does later).
 */
export function pinnedStep(
  known: ReadonlyMap<number, Place>,
  boxes: readonly FixedBox[],
  tile: { first: boolean },
): { places: Map<number, Place>; hide: number[] } {
  const places = new Map(known);
  const hide: number[] = [];
  for (const box of boxes) {
    let place = places.get(box.id);
    if (place === undefined) {
      place = tile.first ? 'first' : 'never';
      places.set(box.id, place);
    }
    if (!(place === 'first' && tile.first)) hide.push(box.id);
  }
  return { places, hide: hide.sort((a, b) => a - b) };
}
