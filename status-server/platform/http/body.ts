import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ApiFailure, invalidFromZod } from './errors.ts';

/** Admin and API bodies are small JSON documents; a larger one is refused before it is read. */
export const MAX_JSON_BODY = 64 * 1024;

/** The 413 of a JSON body over `MAX_JSON_BODY`, wherever it is counted. */
export const jsonTooLarge = () =>
  new ApiFailure(413, 'payload_too_large', `the body is larger than ${MAX_JSON_BODY} bytes`);

/**
 * Hono's `bodyLimit`, except that a body whose Content-Length is within the limit passes untouched:
 * `bodyLimit` reads `raw.body`, which turns the Node adapter's light request into a full web
 * `Request` with a stream, and cost the batched status call about a third of its rate. Node's HTTP
 * parser reads exactly Content-Length bytes, so the header is the body's size; a chunked body (no
 * length) is counted as it is read, as before.
 */
export function sizeLimit(maxSize: number, onError: () => never): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next);
    if (Number(length) > maxSize) onError();
    await next();
  };
}

/** Reads a JSON body and validates it; every failure is a 4xx naming what is wrong. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type');
  checkJsonType(type);
  return parseJson(await c.req.text(), schema);
}

/** Refuses a body that does not say it is JSON, before it is read. */
export function checkJsonType(contentType: string | undefined): void {
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) {
    throw new ApiFailure(
      415,
      'unsupported_media_type',
      'the body must be JSON (Content-Type: application/json)',
    );
  }
}

/** A JSON body's text, parsed and validated: malformed JSON and each invalid field are a 400 that names it. */
export function parseJson<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ApiFailure(400, 'malformed_json', `the body is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  return parsed.data;
}

/**
 * Reads a multipart/form-data body, counting its parts before anything parses it: the parser makes
 * an object per part, so a body of hundreds of thousands of empty parts would hold the event loop
 * for most of a second before any check could refuse it. Counting is a byte search for the boundary
 * over the body, which a size limit ahead of this has already bounded, and stops at the first part
 * too many. Every part starts with `--<boundary>` (the closing delimiter adds one more), so the
 * count is an upper bound on the parts, whatever line endings a parser would accept.
 */
export async function multipartBody(
  c: Context,
  limit: { maxParts: number; hint: string },
): Promise<FormData> {
  const malformed = () =>
    new ApiFailure(400, 'malformed_multipart', 'the multipart body could not be read; it may be cut short');
  const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(
    c.req.header('content-type') ?? '',
  );
  const delimiter = boundary && Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  if (!delimiter) {
    throw new ApiFailure(400, 'malformed_multipart', 'the Content-Type names no multipart boundary');
  }
  let body: Buffer;
  try {
    body = Buffer.from(await c.req.arrayBuffer());
  } catch {
    throw malformed();
  }
  let delimiters = 0;
  for (
    let at = body.indexOf(delimiter);
    at !== -1 && delimiters <= limit.maxParts + 1;
    at = body.indexOf(delimiter, at + delimiter.length)
  ) {
    delimiters++;
  }
  if (delimiters - 1 > limit.maxParts) {
    throw new ApiFailure(
      400,
      'too_many_parts',
      `the multipart body has more than ${limit.maxParts} parts (${limit.hint})`,
    );
  }
  try {
    // Parsed from the bytes already read (Hono keeps them), not read a second time.
    return await c.req.formData();
  } catch {
    throw malformed();
  }
}
