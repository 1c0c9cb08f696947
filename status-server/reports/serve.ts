import { contentDisposition, safeFileName } from '../domain/file-names.ts';

/** A stored attachment as `loadAttachmentData` reads it. */
export interface AttachmentData {
  name: string;
  /** The type sniffed from its bytes at intake. */
  contentType: string;
  data: Uint8Array;
}

/**
 * A stored attachment as a response, the one way both the console and the signed links send one:
 * its sniffed type, never sniffed again by the browser; its name made safe again (names stored
 * before names were made safe at intake are served safe too); shown inline only when it is an
 * image; and sandboxed, so a file opened on its own (a PDF, an image someone crafted) runs nothing
 * with the server's origin.
 */
export function attachmentResponse(file: AttachmentData, cacheControl: string): Response {
  const name = safeFileName(file.name, file.contentType);
  return new Response(file.data.slice().buffer, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': contentDisposition(name, file.contentType),
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'cache-control': cacheControl,
    },
  });
}
