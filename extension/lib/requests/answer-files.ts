import { MAX_ANSWER_FILES } from '../../../shared/schemas/report.ts';

/** The images an answer may carry, as the server checks them by their bytes. */
export const ANSWER_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export interface PickedFile {
  id: string;
  name: string;
  blob: Blob;
}

/**
 * Adds chosen or pasted files to an answer's: images of the three kinds, up to the limit. What is
 * left out is named (`wrongType`, or `tooMany` once), for the form to say why.
 */
export function addAnswerFiles(
  current: readonly PickedFile[],
  incoming: readonly { name: string; blob: Blob }[],
  newId: () => string,
): { files: PickedFile[]; wrongType: string[]; tooMany: boolean } {
  const files = [...current];
  const wrongType: string[] = [];
  let tooMany = false;
  for (const file of incoming) {
    if (!(ANSWER_IMAGE_TYPES as readonly string[]).includes(file.blob.type)) wrongType.push(file.name);
    else if (files.length >= MAX_ANSWER_FILES) tooMany = true;
    else files.push({ id: newId(), name: file.name || 'image', blob: file.blob });
  }
  return { files, wrongType, tooMany };
}
