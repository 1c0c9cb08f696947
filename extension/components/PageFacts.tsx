import { Fragment } from 'preact';
import type { ConsoleEntry, Environment } from '../../shared/schemas/report.ts';
import { formatTime, t } from '../lib/i18n.ts';

/** Facts the person may leave out; the others (address, time, sizes) are what makes a report a report. */
const REMOVABLE_FACTS = [
  'title',
  'browser',
  'browser_version',
  'os',
  'language',
  'time_zone',
  'extension_version',
] as const;
type RemovableFact = (typeof REMOVABLE_FACTS)[number];

interface Props {
  environment: Environment;
  console: ConsoleEntry[];
  onRemoveFact: (fact: RemovableFact) => void;
  onRemoveEntry: (index: number) => void;
}

/** What the report carries besides the form, each fact and page error removable before sending. */
export function PageFacts({ environment: env, console: entries, onRemoveFact, onRemoveEntry }: Props) {
  const fixed: [string, string][] = [
    [t('report.facts.url'), env.url],
    [t('report.facts.capturedAt'), env.captured_at ? formatTime(env.captured_at) : ''],
    [t('report.facts.viewport'), `${env.viewport.width} × ${env.viewport.height}`],
    [t('report.facts.screen'), `${env.screen.width} × ${env.screen.height} @${env.device_pixel_ratio}×`],
  ];
  return (
    <section class="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t('report.facts.heading')}</h2>
      <p class="help">{t('report.facts.help')}</p>
      <dl class="facts" data-testid="environment">
        {fixed.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
            <span />
          </Fragment>
        ))}
        {REMOVABLE_FACTS.filter((fact) => env[fact] !== '').map((fact) => (
          <Fragment key={fact}>
            <dt>{t(`report.facts.${fact}`)}</dt>
            <dd data-testid={`fact-${fact}`}>{env[fact]}</dd>
            <button
              type="button"
              data-testid={`remove-fact-${fact}`}
              aria-label={t('report.facts.remove', { fact: t(`report.facts.${fact}`) })}
              onClick={() => onRemoveFact(fact)}
            >
              {t('report.page.remove')}
            </button>
          </Fragment>
        ))}
      </dl>

      <h3 style={{ marginTop: '20px' }}>{t('report.console.heading', { count: entries.length })}</h3>
      {entries.length === 0 ? (
        <p class="muted small" data-testid="console-empty">
          {t('report.console.empty')}
        </p>
      ) : (
        <ul class="entries" data-testid="console">
          {entries.map((e, i) => (
            <li key={`${i}-${e.at}`} data-testid={`console-${i}`}>
              <span class={`badge ${e.kind}`}>{t(`report.console.kind.${e.kind}`)}</span>
              <div>
                <div>
                  {e.kind === 'network'
                    ? `${e.method ?? ''} ${e.status ?? ''} ${e.message}`.trim()
                    : e.message}
                </div>
                {e.source && <code>{e.source}</code>}
                <div class="muted small">{formatTime(e.at)}</div>
              </div>
              <button
                type="button"
                data-testid={`remove-console-${i}`}
                aria-label={t('report.console.remove', { n: i + 1 })}
                onClick={() => onRemoveEntry(i)}
              >
                {t('report.page.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
