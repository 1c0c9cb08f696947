import { t } from '../lib/i18n.ts';
import { describedBy, Field } from './Field.tsx';

/** Asked only when the page could not be captured: the report still needs to say where it happened. */
export function PageUrlField({
  value,
  error,
  onInput,
}: {
  value: string;
  error?: string;
  onInput: (url: string) => void;
}) {
  const id = 'f-pageUrl';
  const help = t('report.page.pageUrlHelp');
  return (
    <section class="card">
      <Field id={id} label={t('report.page.pageUrl')} help={help} error={error} required testId="pageUrl">
        <input
          id={id}
          type="url"
          data-testid="report-pageUrl"
          value={value}
          aria-required="true"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, help, error)}
          onInput={(e) => onInput(e.currentTarget.value.trim())}
        />
      </Field>
    </section>
  );
}
