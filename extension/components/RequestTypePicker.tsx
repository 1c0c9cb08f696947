import type { FormConfig } from '../../shared/schemas/form-config.ts';
import { t, tText } from '../lib/i18n.ts';

interface Props {
  types: FormConfig['requestTypes'];
  value: string;
  onChange: (id: string) => void;
}

/** Question, something broken, or an idea (003): it decides which questions follow. */
export function RequestTypePicker({ types, value, onChange }: Props) {
  return (
    <fieldset>
      <legend>{t('report.page.typeLegend')}</legend>
      <div class={types.length === 3 ? 'choices three' : 'choices'}>
        {types.map((type) => (
          <label class="choice" key={type.id}>
            <input
              type="radio"
              name="request-type"
              value={type.id}
              checked={value === type.id}
              data-testid={`report-type-${type.id}`}
              onChange={() => onChange(type.id)}
            />
            <div>
              <strong>{tText(type.label)}</strong>
              {type.help && <span>{tText(type.help)}</span>}
            </div>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
