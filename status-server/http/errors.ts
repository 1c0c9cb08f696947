import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { type ApiError, type ApiIssue, issuesFromZod, summariseIssues } from '../../shared/schemas/error.ts';

/** An error a client caused, carried to the response as the one API error shape. */
export class ApiFailure extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(status, { message });
  }

  body(): ApiError {
    return {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
    };
  }
}

export const notFound = (what: string, id: string) =>
  new ApiFailure(404, 'not_found', `no ${what} with id ${id}`);

export function invalid(issues: ApiIssue[]): ApiFailure {
  return new ApiFailure(400, 'invalid_request', summariseIssues(issues), issues);
}

export function invalidFromZod(error: z.ZodError): ApiFailure {
  return invalid(issuesFromZod(error));
}

/** The app's error handler: client errors keep their shape, anything else is logged and stays vague. */
export function renderError(err: Error, c: Context): Response {
  if (err instanceof ApiFailure) return c.json(err.body(), err.status);
  if (err instanceof HTTPException) {
    const code =
      err.status === 413 ? 'payload_too_large' : err.status === 401 ? 'unauthorized' : 'bad_request';
    return c.json({ error: { code, message: err.message || 'bad request' } } satisfies ApiError, err.status);
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, err);
  return c.json({ error: { code: 'internal', message: 'the server failed to handle this request' } }, 500);
}
