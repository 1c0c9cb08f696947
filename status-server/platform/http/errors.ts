import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { type ApiError, type ApiIssue, issuesFromZod } from '../../../shared/schemas/error.ts';
import { DomainError, Invalid, NotFound, type Refusal } from '../../domain/errors.ts';

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

/** The one place a domain refusal becomes an HTTP status. */
const statusOf: Record<Refusal, ContentfulStatusCode> = {
  invalid: 400,
  not_found: 404,
  gone: 410,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

const fromDomain = (err: DomainError) =>
  new ApiFailure(
    statusOf[err.refusal],
    err.code,
    err.message,
    err instanceof Invalid ? err.issues : undefined,
  );

/** The HTTP answer to a refusal, whether the rules or the HTTP layer made it; undefined for any other error. */
export function failureOf(err: unknown): ApiFailure | undefined {
  if (err instanceof ApiFailure) return err;
  return err instanceof DomainError ? fromDomain(err) : undefined;
}

export const notFound = (what: string, id: string) => fromDomain(new NotFound(what, id));

export const invalid = (issues: ApiIssue[]) => fromDomain(new Invalid(issues));

export function invalidFromZod(error: z.ZodError): ApiFailure {
  return invalid(issuesFromZod(error));
}

/** The app's error handler: client errors keep their shape, anything else is logged and stays vague. */
export function renderError(err: Error, c: Context): Response {
  const { status, body } = errorAnswer(err, `${c.req.method} ${c.req.path}`);
  return c.json(body, status);
}

/**
 * The status and body that answer an error, for the app's handler and for a listener that answers
 * before the app: client errors keep their shape; anything else is logged (as failing `where`) and
 * the answer stays vague.
 */
export function errorAnswer(err: unknown, where: string): { status: ContentfulStatusCode; body: ApiError } {
  const failure = failureOf(err);
  if (failure) return { status: failure.status, body: failure.body() };
  if (err instanceof HTTPException) {
    const code =
      err.status === 413 ? 'payload_too_large' : err.status === 401 ? 'unauthorized' : 'bad_request';
    return { status: err.status, body: { error: { code, message: err.message || 'bad request' } } };
  }
  console.error(`${where} failed:`, err);
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'the server failed to handle this request' } },
  };
}
