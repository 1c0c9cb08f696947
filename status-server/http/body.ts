import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiFailure, invalidFromZod } from './errors.ts';

/** Admin and API bodies are small JSON documents; a larger one is refused before it is read. */
export const MAX_JSON_BODY = 64 * 1024;

/** Reads a JSON body and validates it; every failure is a 4xx naming what is wrong. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiFailure(
      415,
      'unsupported_media_type',
      'the body must be JSON (Content-Type: application/json)',
    );
  }
  const text = await c.req.text();
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
