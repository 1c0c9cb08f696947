import { isFinalRefusal } from '../../../shared/refusal.ts';
import { PermanentError } from '../jobs/handler.ts';

/** The error for a refused request: permanent only when trying again cannot help (`isFinalRefusal`). */
export function refusal(status: number, message: string): Error {
  return isFinalRefusal(status) ? new PermanentError(message) : new Error(message);
}

/** A URL as errors name it: without query or credentials, as it is shown in the console. */
export function endpoint(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}
