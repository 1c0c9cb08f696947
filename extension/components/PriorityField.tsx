import {
  advisePriority,
  BLOCKING_IMPACTS,
  type BlockingImpact,
  PRIORITY_LEVELS,
  PRIORITY_TEXT,
  type PriorityLevel,
} from '../../shared/priority.ts';
import { t } from '../lib/i18n.ts';
import { Required } from './Field.tsx';

interface Props {
  id: string;
  fieldId: string;
  label: string;
  help?: string;
  value: string;
  /** The answer to "What does it stop?", which backs a High or Immediate. */
  blocking: string;
  error?: string;
  required?: boolean;
  onChange: (value: PriorityLevel) => void;
}

function isLevel(v: string): v is PriorityLevel {
  return (PRIORITY_LEVELS as readonly string[]).includes(v);
}

/** Each level beside its definition (000), and a gentle word when the choice and the impact disagree. */
export function PriorityField({
  id,
  fieldId,
  label,
  help,
  value,
  blocking,
  error,
  required,
  onChange,
}: Props) {
  const impact = (BLOCKING_IMPACTS as readonly string[]).includes(blocking)
    ? (blocking as BlockingImpact)
    : undefined;
  const advice = isLevel(value) ? advisePriority(value, impact) : null;
  return (
    <fieldset
      id={id}
      class={error ? 'has-error' : undefined}
      aria-describedby={[help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined}
    >
      <legend>
        {label}
        {required && <Required />}
      </legend>
      {help && (
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      )}
      <div class="choices">
        {PRIORITY_LEVELS.map((level) => (
          <label class="choice" key={level}>
            <input
              type="radio"
              name={id}
              value={level}
              checked={value === level}
              data-testid={`report-priority-${level}`}
              onChange={() => onChange(level)}
            />
            <div>
              <strong>{t(PRIORITY_TEXT[level].label)}</strong>
              <span>{t(PRIORITY_TEXT[level].definition)}</span>
            </div>
          </label>
        ))}
      </div>
      <div aria-live="polite">
        {advice && (
          <div class={`advice ${advice.level}`} data-testid="priority-advice">
            <p>{t(advice.message)}</p>
            <button
              type="button"
              data-testid="priority-use-suggested"
              onClick={() => onChange(advice.suggested)}
            >
              {t('report.priority.useSuggested', { level: t(PRIORITY_TEXT[advice.suggested].label) })}
            </button>
          </div>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} class="error" data-testid={`error-${fieldId}`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
