/**
 * Limits of one report, kept by the server and checked by the extension before a person presses
 * Send. A full-page capture as WebP is rarely over 2 MB, so these leave room.
 */
export const LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  maxReportBytes: 40 * 1024 * 1024,
} as const;

/** A byte limit in megabytes, as it is written for people. */
export function inMegabytes(bytes: number): number {
  return bytes / 1024 / 1024;
}
