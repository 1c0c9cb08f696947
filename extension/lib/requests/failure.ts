import { ApiFailure } from '../api/client.ts';
import { t } from '../i18n.ts';

/** A failed action in the person's words: the server's own refusal, or that it could not be reached. */
export function failureText(err: unknown): string {
  return err instanceof ApiFailure
    ? t('requests.refused', { message: err.message })
    : t('requests.unreachable', { error: (err as Error).message });
}
