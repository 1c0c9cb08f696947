import type { JSX } from 'preact';
import type { FormField as FieldConfig } from '../../shared/schemas/form-config.ts';
import { t, tText } from '../lib/i18n.ts';
import { countries } from './countries.ts';
import { describedBy, Field } from './Field.tsx';

interface Props {
  field: FieldConfig;
  value: string;
  error?: string;
  onInput: (value: string) => void;
}

/** One field of the server's form, drawn by its kind; title and priority have their own components. */
export function FormField({ field, value, error, onInput }: Props) {
  const id = `f-${field.id}`;
  const label = tText(field.label);
  const help = field.help ? tText(field.help) : undefined;
  const common = {
    id,
    'data-testid': `report-${field.id}`,
    'aria-required': field.required ? ('true' as const) : undefined,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, help, error),
  };
  const text = (e: { currentTarget: { value: string } }) => onInput(e.currentTarget.value);
  let control: JSX.Element;
  switch (field.kind) {
    case 'textarea':
      control = <textarea {...common} rows={3} maxLength={field.maxLength} value={value} onInput={text} />;
      break;
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          inputMode="numeric"
          step={1}
          min={field.min}
          max={field.max}
          value={value}
          onInput={text}
        />
      );
      break;
    case 'email':
      control = (
        <input
          {...common}
          type="email"
          autoComplete="email"
          maxLength={field.maxLength}
          value={value}
          onInput={text}
        />
      );
      break;
    case 'select':
      control = (
        <select {...common} value={value} onChange={text}>
          <option value="">{t('report.page.choose')}</option>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {tText(o.label)}
            </option>
          ))}
        </select>
      );
      break;
    case 'country':
      control = (
        <select {...common} value={value} onChange={text}>
          <option value="">{t('report.page.choose')}</option>
          {countries().map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      );
      break;
    default:
      control = (
        <input
          {...common}
          type="text"
          autoComplete={field.kind === 'organisation' ? 'organization' : undefined}
          maxLength={field.maxLength}
          value={value}
          onInput={text}
        />
      );
  }
  return (
    <Field id={id} label={label} help={help} error={error} required={field.required} testId={field.id}>
      {control}
    </Field>
  );
}
