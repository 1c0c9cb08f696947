/**
 * Limits of one report, kept by the server and checked by the extension before a person presses
 * Send. A whole page as PNG is a few MB (9 MB for 19,500 px of small text, in two parts of 4.5 MB),
 * and its parts go lossy past 8 MB each (extension/lib/capture/capture.ts), so these leave room.
 */
export const LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  /** The files of one report (or one answer) in all: what the extension checks before sending. */
  maxReportBytes: 40 * 1024 * 1024,
  /**
   * A report's whole multipart body: files up to `maxReportBytes` in all, with 1 MB to spare for the
   * JSON report part and each part's headers, so that a report the extension lets through is not
   * refused for its framing. A proxy in front must let this much through (deploy/nginx/snapdesk.conf).
   */
  maxReportBodyBytes: 41 * 1024 * 1024,
} as const;

/** A byte limit in megabytes, as it is written for people. */
export function inMegabytes(bytes: number): number {
  return bytes / 1024 / 1024;
}
