import type { ComponentChildren } from 'preact';
import { t } from '../lib/i18n.ts';

interface Props {
  /** The control's id; help and error get ids derived from it for `aria-describedby`. */
  id: string;
  label: string;
  help?: string;
  error?: string;
  required?: boolean;
  testId?: string;
  children: ComponentChildren;
}

/** A label, its help, the control, and what is wrong with it, in that reading order. */
export function Field({ id, label, help, error, required, testId, children }: Props) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {label}
        {required && <Required />}
      </label>
      {help && (
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} class="error" data-testid={testId ? `error-${testId}` : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Required() {
  return (
    <span class="required" title={t('report.page.required')}>
      {' *'}
      <span class="visually-hidden">{t('report.page.required')}</span>
    </span>
  );
}

/** The ids that describe a control: its help first, then its error. */
export function describedBy(id: string, help?: string, error?: string): string | undefined {
  return [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}
