import { useEffect, useRef } from 'preact/hooks';
import type { FormConfig } from '../../shared/schemas/form-config.ts';
import { t, tText } from '../lib/i18n.ts';
import type { Checked } from '../lib/report/validation.ts';

/** What keeps the report from going, each item a link to its field; it takes the focus when it appears. */
export function SendErrors({
  checked,
  config,
  attempt,
}: {
  checked: Checked;
  config: FormConfig;
  attempt: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const fields = Object.entries(checked.fieldErrors);
  const count = fields.length + checked.general.length;
  const shown = count > 0;
  // Every press of Send that fails brings the person here, then they follow the links.
  useEffect(() => {
    box.current?.focus();
  }, [attempt]);
  if (!shown) return null;
  const labelOf = (id: string) => {
    const field = config.fields.find((f) => f.id === id);
    return field ? tText(field.label) : t('report.page.pageUrl');
  };
  return (
    <div class="notice danger" role="alert" tabIndex={-1} ref={box} data-testid="send-errors">
      <h2>{t('report.send.errorsHeading', { count })}</h2>
      <ul>
        {fields.map(([id, message]) => (
          <li key={id}>
            <a href={`#f-${id}`}>{labelOf(id)}</a>: {message}
          </li>
        ))}
        {checked.general.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
