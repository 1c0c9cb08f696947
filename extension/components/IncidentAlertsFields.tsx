import { useEffect, useState } from 'preact/hooks';
import type { V2Component } from '../../shared/schemas/api-v2.ts';
import { fetchComponents } from '../lib/api/client.ts';
import { t } from '../lib/i18n.ts';
import {
  DEFAULT_SETTINGS,
  type IncidentAlertMode,
  incidentAlertModes,
  type Settings,
  settingsSchema,
} from '../lib/settings.ts';
import { describedBy, Field } from './Field.tsx';

/** The incident alert options as the form holds them (the interval as typed). */
export interface AlertValues {
  mode: IncidentAlertMode;
  components: string[];
  interval: string;
}
type AlertKey = 'incidentAlerts' | 'incidentComponents' | 'incidentIntervalMinutes';
export type AlertErrors = Partial<Record<'incidentComponents' | 'incidentIntervalMinutes', string>>;

export function alertValuesOf(settings: Settings): AlertValues {
  return {
    mode: settings.incidentAlerts ?? DEFAULT_SETTINGS.incidentAlerts,
    components: settings.incidentComponents ?? [],
    interval: String(settings.incidentIntervalMinutes ?? DEFAULT_SETTINGS.incidentIntervalMinutes),
  };
}

/** The settings to save from the form, leaving out what a policy sets; or what is wrong. */
export function alertSettingsOf(
  values: AlertValues,
  managed: readonly (keyof Settings)[],
): { settings: Pick<Settings, AlertKey> } | { errors: AlertErrors } {
  const errors: AlertErrors = {};
  const interval = settingsSchema.shape.incidentIntervalMinutes.safeParse(Number(values.interval.trim()));
  if (!managed.includes('incidentIntervalMinutes') && (!interval.success || values.interval.trim() === ''))
    errors.incidentIntervalMinutes = t('options.invalid.incidentIntervalMinutes');
  if (
    values.mode === 'components' &&
    !managed.includes('incidentComponents') &&
    values.components.length === 0
  )
    errors.incidentComponents = t('options.invalid.incidentComponents');
  if (Object.keys(errors).length > 0) return { errors };
  const own: Pick<Settings, AlertKey> = {
    incidentAlerts: values.mode,
    incidentComponents: values.components,
    incidentIntervalMinutes: interval.data,
  };
  for (const key of managed) delete own[key as AlertKey];
  return { settings: own };
}

interface Props {
  values: AlertValues;
  onChange: (values: AlertValues) => void;
  managed: readonly (keyof Settings)[];
  errors: AlertErrors;
  /** The server address as typed: its components are the ones to choose from. */
  serverUrl: string;
}

type Listing =
  | { state: 'loading' }
  | { state: 'failed'; error: string }
  | { state: 'ok'; list: V2Component[] };

/** "Incident alerts" in the options: off, the sites the person works on, or chosen components. */
export function IncidentAlertsFields({ values, onChange, managed, errors, serverUrl }: Props) {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const locked = (key: AlertKey) => managed.includes(key);
  const choosing = values.mode === 'components';

  useEffect(() => {
    if (!choosing) return;
    const server = settingsSchema.shape.serverUrl.safeParse(serverUrl.trim());
    if (!server.success) return;
    // Typing the address asks again; only the answer for the address shown now counts.
    let current = true;
    setListing({ state: 'loading' });
    fetchComponents(server.data).then(
      (list) => current && setListing({ state: 'ok', list }),
      (err: Error) => current && setListing({ state: 'failed', error: err.message }),
    );
    return () => {
      current = false;
    };
  }, [choosing, serverUrl]);

  const help = (key: AlertKey, own?: string) => (locked(key) ? t('options.managed') : own);
  const modeHelp = help('incidentAlerts', t('options.incidentsHelp'));
  const intervalHelp = help('incidentIntervalMinutes', t('options.help.incidentIntervalMinutes'));
  const componentHelp = help('incidentComponents');
  const groups = new Map(
    listing.state === 'ok' ? listing.list.filter((c) => c.group).map((c) => [c.id, c.name]) : [],
  );
  const toggle = (id: string, on: boolean) =>
    onChange({
      ...values,
      components: on ? [...values.components, id] : values.components.filter((c) => c !== id),
    });

  return (
    <section class="card" aria-labelledby="incidents-heading" data-testid="options-incidents">
      <h2 id="incidents-heading">{t('options.incidentsHeading')}</h2>
      <fieldset id="o-incidentAlerts" aria-describedby={describedBy('o-incidentAlerts', modeHelp)}>
        <legend>{t('options.field.incidentAlerts')}</legend>
        <p id="o-incidentAlerts-help" class="help">
          {modeHelp}
        </p>
        <div class="choices">
          {incidentAlertModes.map((mode) => (
            <label class="choice" key={mode}>
              <input
                type="radio"
                name="incidentAlerts"
                value={mode}
                checked={values.mode === mode}
                disabled={locked('incidentAlerts')}
                data-testid={`options-incidentAlerts-${mode}`}
                onChange={() => onChange({ ...values, mode })}
              />
              <div>
                <span>{t(`options.incidentAlerts.${mode}`)}</span>
              </div>
            </label>
          ))}
        </div>
      </fieldset>
      {choosing && (
        <fieldset
          id="o-incidentComponents"
          class={errors.incidentComponents ? 'has-error' : undefined}
          aria-describedby={describedBy('o-incidentComponents', componentHelp, errors.incidentComponents)}
          data-testid="options-incidentComponents"
        >
          <legend>{t('options.field.incidentComponents')}</legend>
          {componentHelp && (
            <p id="o-incidentComponents-help" class="help">
              {componentHelp}
            </p>
          )}
          <div aria-live="polite">
            {listing.state === 'loading' && <p class="muted">{t('options.incidentComponents.loading')}</p>}
            {listing.state === 'failed' && (
              <p class="error">{t('options.incidentComponents.failed', { error: listing.error })}</p>
            )}
            {listing.state === 'ok' && listing.list.every((c) => c.group) && (
              <p class="muted">{t('options.incidentComponents.none')}</p>
            )}
          </div>
          {listing.state === 'ok' &&
            listing.list
              .filter((c) => !c.group)
              .map((c) => (
                <label key={c.id} class="check">
                  <input
                    type="checkbox"
                    checked={values.components.includes(c.id)}
                    disabled={locked('incidentComponents')}
                    data-testid={`options-component-${c.id}`}
                    onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                  />{' '}
                  {c.group_id && groups.has(c.group_id) ? `${groups.get(c.group_id)} · ${c.name}` : c.name}
                </label>
              ))}
          {errors.incidentComponents && (
            <p id="o-incidentComponents-error" class="error" data-testid="error-options-incidentComponents">
              {errors.incidentComponents}
            </p>
          )}
        </fieldset>
      )}
      <Field
        id="o-incidentIntervalMinutes"
        label={t('options.field.incidentIntervalMinutes')}
        help={intervalHelp}
        error={errors.incidentIntervalMinutes}
        testId="options-incidentIntervalMinutes"
      >
        <input
          id="o-incidentIntervalMinutes"
          type="number"
          min={1}
          max={1440}
          step={1}
          inputMode="numeric"
          data-testid="options-incidentIntervalMinutes"
          value={values.interval}
          readOnly={locked('incidentIntervalMinutes')}
          aria-invalid={errors.incidentIntervalMinutes ? 'true' : undefined}
          aria-describedby={describedBy(
            'o-incidentIntervalMinutes',
            intervalHelp,
            errors.incidentIntervalMinutes,
          )}
          onInput={(e) => onChange({ ...values, interval: e.currentTarget.value })}
        />
      </Field>
    </section>
  );
}
