import { type ApiIssue, summariseIssues } from '../../shared/schemas/error.ts';

/** What kind of refusal an error is; `platform/http/errors.ts` alone gives each its HTTP status. */
export type Refusal = 'invalid' | 'not_found' | 'gone' | 'conflict' | 'unprocessable' | 'rate_limited';

/**
 * A request the rules refuse, said in words a client can read. Stores and services throw these and
 * know nothing of HTTP; `code` is the API's stable error code.
 */
export class DomainError extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Input that breaks a rule; each issue names the field it is about. */
export class Invalid extends DomainError {
  constructor(readonly issues: ApiIssue[]) {
    super('invalid', 'invalid_request', summariseIssues(issues));
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', 'not_found', `no ${what} with id ${id}`);
  }
}

/** The request clashes with what is stored (the same URL subscribed twice, a limit reached). */
export class Conflict extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}

/** What the request names existed once and no longer does (a used link, a removed subscription). */
export class Gone extends DomainError {
  constructor(code: string, message: string) {
    super('gone', code, message);
  }
}

export class RateLimited extends DomainError {
  constructor(message: string) {
    super('rate_limited', 'rate_limited', message);
  }
}
