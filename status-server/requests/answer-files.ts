import { LIMITS } from '../../shared/limits.ts';
import { MAX_ANSWER_FILES } from '../../shared/schemas/report.ts';
import { Invalid } from '../domain/errors.ts';
import { safeFileName } from '../domain/file-names.ts';
import { sniff } from '../domain/sniff.ts';

/** An image part of an answer as the route read it: the part's name, the file's name, its bytes. */
export interface AnswerPart {
  part: string;
  name: string;
  data: Uint8Array;
}

export interface AnswerFile {
  name: string;
  content_type: 'image/png' | 'image/jpeg' | 'image/webp';
  data: Uint8Array;
}

const imageTypes = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * An answer's images, in part order: at most MAX_ANSWER_FILES, each a PNG, JPEG or WebP by its bytes
 * (whatever the client declared) and within intake's size limit. Anything wrong refuses the whole
 * answer, every problem named, so nothing is stored.
 */
export function checkAnswerFiles(parts: AnswerPart[]): AnswerFile[] {
  const issues: { path: string; message: string }[] = [];
  if (parts.length > MAX_ANSWER_FILES)
    issues.push({ path: 'files', message: `an answer may carry at most ${MAX_ANSWER_FILES} images` });
  const checked: AnswerFile[] = [];
  const ordered = [...parts].sort((a, b) => a.part.localeCompare(b.part, 'en', { numeric: true }));
  for (const p of ordered) {
    if (p.data.byteLength > LIMITS.maxFileBytes) {
      issues.push({ path: p.part, message: `is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB` });
      continue;
    }
    const sniffed = sniff(p.data);
    if (!sniffed || !imageTypes.has(sniffed.type)) {
      issues.push({ path: p.part, message: 'is not a PNG, JPEG or WebP image' });
      continue;
    }
    const type = sniffed.type as AnswerFile['content_type'];
    const fallback = `image-${checked.length + 1}`;
    checked.push({ name: safeFileName(p.name || fallback, type), content_type: type, data: p.data });
  }
  if (issues.length) throw new Invalid(issues);
  return checked;
}
