import type { z } from 'zod';

/**
 * Half of a UTF-16 surrogate pair on its own (`"\ud800"` in JSON). With the `u` flag a proper pair
 * is one code point, so only an unpaired half matches. (`String.prototype.isWellFormed` says the
 * same, but is newer than some browsers the extension still runs in.)
 */
const loneSurrogate = /\p{Cs}/u;

/** True when the string is well-formed Unicode: it encodes to UTF-8 and back unchanged. */
export const isWellFormed = (s: string): boolean => !loneSurrogate.test(s);

/**
 * Refuses text that is not well-formed Unicode. An unpaired surrogate is no character: SQLite would
 * store it as invalid UTF-8 and PostgreSQL as U+FFFD, so what was sent is not what is shown. Every
 * schema that takes text from outside runs its strings through this; the path names the field.
 */
export function wellFormed<T extends z.ZodType<string>>(schema: T): T {
  return schema.refine(isWellFormed, {
    message: 'must be well-formed Unicode text (it contains an unpaired surrogate)',
    abort: true,
  });
}
