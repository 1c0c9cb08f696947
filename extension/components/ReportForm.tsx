import type { PriorityLevel } from '../../shared/priority.ts';
import type { FormField as FieldConfig, FormConfig } from '../../shared/schemas/form-config.ts';
import { t, tText } from '../lib/i18n.ts';
import { contactEmailOf, visibleFields } from '../lib/report/fields.ts';
import type { FormValues } from '../lib/store.ts';
import { FormField } from './FormField.tsx';
import { NotifyByEmail } from './NotifyByEmail.tsx';
import { PriorityField } from './PriorityField.tsx';
import { RequestTypePicker } from './RequestTypePicker.tsx';
import { TitleField } from './TitleField.tsx';

interface Props {
  config: FormConfig;
  requestType: string;
  form: FormValues;
  errors: Record<string, string>;
  onType: (id: string) => void;
  onValue: (fieldId: string, value: string) => void;
  notifyByEmail: boolean;
  onNotifyByEmail: (checked: boolean) => void;
}

/** Fields about the person rather than the problem; they get their own card. */
function aboutReporter(f: FieldConfig): boolean {
  return f.kind === 'email' || f.kind === 'country' || f.kind === 'organisation' || f.id === 'account';
}

/** Answers read side by side: what was expected beside what happened, working beside failing examples. */
const PAIRS: Record<string, string> = { expected: 'actual', workingExamples: 'failingExamples' };

/** Fields grouped into rows: counts together, and the pairs above when both are shown. */
function rows(fields: FieldConfig[]): FieldConfig[][] {
  const out: FieldConfig[][] = [];
  for (const field of fields) {
    const last = out.at(-1);
    const previous = last?.at(-1);
    const counts = field.kind === 'number' && previous?.kind === 'number';
    const paired = previous !== undefined && last?.length === 1 && PAIRS[previous.id] === field.id;
    if (last && (counts || paired)) last.push(field);
    else out.push([field]);
  }
  return out;
}

/** The server's form for the chosen request type: the problem first, then how to reach the person. */
export function ReportForm(props: Props) {
  const { config, requestType, form, errors, onType, onValue } = props;
  const fields = visibleFields(config, requestType);
  const render = (field: FieldConfig) => {
    const id = `f-${field.id}`;
    const value = form[field.id] ?? '';
    const error = errors[field.id];
    if (field.kind === 'title') {
      return (
        <TitleField
          key={field.id}
          id={id}
          fieldId={field.id}
          label={tText(field.label)}
          help={field.help ? tText(field.help) : undefined}
          value={value}
          error={error}
          maxLength={field.maxLength}
          onInput={(v) => onValue(field.id, v)}
        />
      );
    }
    if (field.kind === 'priority') {
      return (
        <PriorityField
          key={field.id}
          id={id}
          fieldId={field.id}
          label={tText(field.label)}
          help={field.help ? tText(field.help) : undefined}
          value={value}
          blocking={form.blocking ?? ''}
          error={error}
          required={field.required}
          onChange={(v: PriorityLevel) => onValue(field.id, v)}
        />
      );
    }
    return (
      <FormField
        key={field.id}
        field={field}
        value={value}
        error={error}
        onInput={(v) => onValue(field.id, v)}
      />
    );
  };
  const problem = fields.filter((f) => !aboutReporter(f));
  const reporter = fields.filter(aboutReporter);
  const email = contactEmailOf(config, requestType, form);
  return (
    <>
      <section class="card" aria-labelledby="problem-heading">
        <h2 id="problem-heading">{t('report.page.problemHeading')}</h2>
        <RequestTypePicker types={config.requestTypes} value={requestType} onChange={onType} />
        {rows(problem).map((row) =>
          row.length === 1 ? (
            row.map(render)
          ) : (
            <div class="row" key={row[0]?.id}>
              {row.map(render)}
            </div>
          ),
        )}
      </section>
      {reporter.length > 0 && (
        <section class="card" aria-labelledby="reporter-heading">
          <h2 id="reporter-heading">{t('report.page.reporterHeading')}</h2>
          <div class="row two">{reporter.map(render)}</div>
          {email && (
            <NotifyByEmail email={email} checked={props.notifyByEmail} onChange={props.onNotifyByEmail} />
          )}
        </section>
      )}
    </>
  );
}
