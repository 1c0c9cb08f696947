import type { Capture } from '../store.ts';

/**
 * Whether the capture at `index` may move one place (`by`): within the series, and never past another
 * part of the same whole page, whose parts stay top to bottom ("Whole page 1/3" before "2/3").
 */
export function canMove(captures: readonly Pick<Capture, 'part'>[], index: number, by: -1 | 1): boolean {
  const moved = captures[index];
  const other = captures[index + by];
  if (!moved || !other) return false;
  return !(moved.part && other.part);
}
