import { checkTitle } from '../../shared/title-rules.ts';
import { t } from '../lib/i18n.ts';
import { describedBy, Field } from './Field.tsx';

interface Props {
  id: string;
  fieldId: string;
  label: string;
  help?: string;
  value: string;
  error?: string;
  maxLength?: number;
  onInput: (value: string) => void;
}

/** The title with hints as it is typed (001, 004); they guide, only an empty or all-caps title blocks. */
export function TitleField({ id, fieldId, label, help, value, error, maxLength, onInput }: Props) {
  // An untouched title needs no hint yet; Send says it is missing.
  const hints = value.trim() ? checkTitle(value) : [];
  const hintsId = `${id}-hints`;
  const described = [describedBy(id, help, error), hints.length ? hintsId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <Field id={id} label={label} help={help} error={error} required testId={fieldId}>
      <input
        id={id}
        type="text"
        data-testid="report-title"
        value={value}
        maxLength={maxLength}
        aria-required="true"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <div aria-live="polite">
        {hints.length > 0 && (
          <>
            <ul id={hintsId} class="hints">
              {hints.map((h) => (
                <li key={h.code} class={h.level} data-testid={`title-hint-${h.code}`}>
                  {t(h.message, h.params)}
                </li>
              ))}
            </ul>
            <details class="examples">
              <summary>{t('report.title.examplesHeading')}</summary>
              <ul>
                {(hints[0]?.examples ?? []).map((k) => (
                  <li key={k}>{t(k)}</li>
                ))}
              </ul>
            </details>
          </>
        )}
      </div>
    </Field>
  );
}
