import { describe, expect, it } from 'vitest';
import { inMegabytes, LIMITS } from '../../shared/limits.ts';
import { isFinalRefusal } from '../../shared/refusal.ts';
import { refusal } from '../../status-server/platform/http/outbound.ts';
import { PermanentError } from '../../status-server/platform/jobs/handler.ts';

describe('what one report may hold', () => {
  it('takes ten files of up to 10 MB each, and 40 MB in all', () => {
    expect(LIMITS.maxFiles).toBe(10);
    expect(inMegabytes(LIMITS.maxFileBytes)).toBe(10);
    expect(inMegabytes(LIMITS.maxReportBytes)).toBe(40);
  });

  it('takes a body of those files with 1 MB to spare for the report and the multipart framing', () => {
    expect(inMegabytes(LIMITS.maxReportBodyBytes)).toBe(41);
  });
});

describe('which answers are final', () => {
  it('gives up on a request the receiver refused for what it is', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422, 499])
      expect(isFinalRefusal(status)).toBe(true);
  });

  it('tries again after a timeout, a rate limit, a redirect or a server error', () => {
    for (const status of [200, 301, 302, 399, 408, 429, 500, 502, 503, 504]) {
      expect(isFinalRefusal(status)).toBe(false);
    }
  });

  it('makes a help desk’s final refusal a permanent error, and only that', () => {
    expect(refusal(422, 'no such project')).toBeInstanceOf(PermanentError);
    expect(refusal(429, 'slow down')).not.toBeInstanceOf(PermanentError);
    expect(refusal(503, 'down')).not.toBeInstanceOf(PermanentError);
  });
});
