import type { StatusIndicator } from '../../shared/schemas/status.ts';

/**
 * The one table of status colours on a light background: the banner behind white text, the status
 * words, the favicon and the badges' right half. GitHub Primer's, each at least 4.5:1 against white,
 * so white text on them reads too. `neutral` is for no status (no data, an error).
 */
export const toneColors: Record<StatusIndicator | 'neutral', string> = {
  none: '#1a7f37',
  minor: '#9a6700',
  major: '#bc4c00',
  critical: '#cf222e',
  maintenance: '#0969da',
  neutral: '#59636e',
};
