import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { countries } from '../../components/countries.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import {
  type AlertErrors,
  type AlertValues,
  alertSettingsOf,
  alertValuesOf,
  IncidentAlertsFields,
} from '../../components/IncidentAlertsFields.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ApiFailure, fetchPageStatus } from '../../lib/api/client.ts';

import { initLocale, showLocaleIn, t } from '../../lib/i18n.ts';
import { browserLocale } from '../../lib/language.ts';
import { LOCALE_NAMES, uiLocales } from '../../lib/locale.ts';
import { loadSettings, type Settings, saveSettings, settingsSchema } from '../../lib/settings.ts';

/** The settings typed as text; the incident alerts have their own fields (IncidentAlertsFields). */
type Key = Exclude<keyof Settings, 'incidentAlerts' | 'incidentComponents' | 'incidentIntervalMinutes'>;
type Values = Record<Key, string>;

/** A server that does not answer in this time is reported as unreachable. */
const TEST_TIMEOUT_MS = 5000;

const EMPTY: Values = { serverUrl: '', account: '', country: '', contactEmail: '', language: '' };

/** Empty fields are left out, so the defaults (or nothing) apply instead of an empty string. */
function toSettings(values: Values, managed: (keyof Settings)[]) {
  const own = Object.fromEntries(
    (Object.entries(values) as [Key, string][])
      .filter(([key, value]) => !managed.includes(key) && value.trim() !== '')
      .map(([key, value]) => [key, value.trim()]),
  );
  return settingsSchema.partial().safeParse(own);
}

type Test =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'ok'; text: string }
  | { state: 'failed'; text: string };

/** What an organisation or a person sets: the server and the defaults of every report. */
export function OptionsPage() {
  const [values, setValues] = useState<Values>(EMPTY);
  const [managed, setManaged] = useState<(keyof Settings)[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [alerts, setAlerts] = useState<AlertValues | undefined>(undefined);
  const [alertErrors, setAlertErrors] = useState<AlertErrors>({});
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [test, setTest] = useState<Test>({ state: 'idle' });
  const [ready, setReady] = useState(false);

  useEffect(() => {
    void loadSettings().then(({ managed: byPolicy, ...settings }) => {
      setValues({
        serverUrl: settings.serverUrl,
        account: settings.account ?? '',
        country: settings.country ?? '',
        contactEmail: settings.contactEmail ?? '',
        language: settings.language ?? '',
      });
      setAlerts(alertValuesOf(settings));
      setManaged(byPolicy);
      setReady(true);
    });
  }, []);

  const set = (key: Key, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(undefined);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const parsed = toSettings(values, managed);
    const alerting = alerts ? alertSettingsOf(alerts, managed) : { settings: {} };
    setAlertErrors('errors' in alerting ? alerting.errors : {});
    if (!parsed.success) {
      const found: Partial<Record<Key, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as Key;
        // The language is chosen from a list, so only a hand-edited value can be wrong: it is dropped.
        if (key !== 'language') found[key] ??= t(`options.invalid.${key}`);
      }
      setErrors(found);
      return;
    }
    setErrors({});
    if ('errors' in alerting) return;
    await saveSettings({ ...parsed.data, ...alerting.settings });
    // A new language applies here at once (setting the state below draws the page again), and in
    // the other pages when they next open; the background renames its menu item by itself.
    await initLocale();
    showLocaleIn(document, t('options.heading'));
    setSaved(t('options.saved'));
    // A new server address may be the one a waiting report needs.
    await browser.runtime.sendMessage({ type: 'deliver' }).catch(() => undefined);
  };

  const testConnection = async () => {
    const parsed = settingsSchema.shape.serverUrl.safeParse(values.serverUrl.trim());
    if (!parsed.success) {
      setErrors((e) => ({ ...e, serverUrl: t('options.invalid.serverUrl') }));
      return;
    }
    setTest({ state: 'testing' });
    try {
      const body = await fetchPageStatus(parsed.data, TEST_TIMEOUT_MS);
      setTest({
        state: 'ok',
        text: t('options.test.ok', { name: body.page.name, status: body.status.description }),
      });
    } catch (err) {
      setTest({ state: 'failed', text: t('options.test.failed', { error: testFailure(err) }) });
    }
  };

  const input = (key: Key, type: 'url' | 'text' | 'email', autoComplete?: string) => {
    const id = `o-${key}`;
    const locked = managed.includes(key);
    const help = locked ? t('options.managed') : t(`options.help.${key}`);
    return (
      <Field
        id={id}
        label={t(`options.field.${key}`)}
        help={help}
        error={errors[key]}
        testId={`options-${key}`}
      >
        {key === 'country' ? (
          <select
            id={id}
            data-testid={`options-${key}`}
            value={values.country}
            disabled={locked}
            aria-describedby={describedBy(id, help, errors[key])}
            onChange={(e) => set(key, e.currentTarget.value)}
          >
            <option value="">{t('report.page.choose')}</option>
            {countries().map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            // Preact types each input type apart; the three used here share every attribute below.
            type={type as 'text'}
            data-testid={`options-${key}`}
            value={values[key]}
            readOnly={locked}
            autoComplete={autoComplete}
            aria-invalid={errors[key] ? 'true' : undefined}
            aria-describedby={describedBy(id, help, errors[key])}
            onInput={(e) => set(key, e.currentTarget.value)}
          />
        )}
      </Field>
    );
  };

  if (!ready) return <main aria-busy="true">{t('report.page.loading')}</main>;
  return (
    <main>
      <PageHeader title={t('options.heading')} subtitle={t('options.intro')} links={['reports']} />
      {managed.length > 0 && (
        <p class="notice" data-testid="options-managed">
          {t('options.managedNote')}
        </p>
      )}
      <form noValidate onSubmit={(e) => void save(e)}>
        <section class="card" aria-labelledby="server-heading">
          <h2 id="server-heading">{t('options.serverHeading')}</h2>
          {input('serverUrl', 'url')}
          <div class="actions">
            <button type="button" data-testid="options-test" onClick={() => void testConnection()}>
              {test.state === 'testing' ? t('options.test.testing') : t('options.test.button')}
            </button>
            <span
              aria-live="polite"
              data-testid="options-test-result"
              class={test.state === 'failed' ? 'error' : test.state === 'ok' ? 'badge ok' : 'muted'}
            >
              {test.state === 'ok' || test.state === 'failed' ? test.text : ''}
            </span>
          </div>
        </section>
        <section class="card" aria-labelledby="defaults-heading">
          <h2 id="defaults-heading">{t('options.defaultsHeading')}</h2>
          <p class="help">{t('options.defaultsHelp')}</p>
          {input('account', 'text', 'organization')}
          <div class="row">
            {input('country', 'text')}
            {input('contactEmail', 'email', 'email')}
          </div>
        </section>
        {alerts && (
          <IncidentAlertsFields
            values={alerts}
            onChange={(next) => {
              setAlerts(next);
              setSaved(undefined);
            }}
            managed={managed}
            errors={alertErrors}
            serverUrl={values.serverUrl}
          />
        )}
        <section class="card" aria-labelledby="language-heading">
          <h2 id="language-heading">{t('options.languageHeading')}</h2>
          <Field
            id="o-language"
            label={t('options.field.language')}
            help={t('options.help.language')}
            testId="options-language"
          >
            <select
              id="o-language"
              data-testid="options-language"
              value={values.language}
              aria-describedby={describedBy('o-language', t('options.help.language'))}
              onChange={(e) => set('language', e.currentTarget.value)}
            >
              <option value="">
                {t('options.language.browser', { language: LOCALE_NAMES[browserLocale()] })}
              </option>
              {uiLocales.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </select>
          </Field>
        </section>
        <div class="send-bar">
          <button type="submit" class="primary big" data-testid="options-save">
            {t('options.save')}
          </button>
          <span aria-live="polite" class="muted" data-testid="options-saved">
            {saved}
          </span>
        </div>
      </form>
    </main>
  );
}

/** Why "Test connection" failed, in words: an error answer, an answer that is not Snapdesk's, or the network. */
function testFailure(err: unknown): string {
  if (err instanceof ApiFailure) return t('options.test.status', { status: err.status });
  if (err instanceof SyntaxError || (err as Error).name === 'ZodError') return t('options.test.notSnapdesk');
  return (err as Error).message;
}
