import type { IncidentLink } from '../../shared/schemas/report.ts';
import { t } from '../lib/i18n.ts';

interface Props {
  incidents: IncidentLink[];
  /** The incident this report is linked to, if the person chose one. */
  linked?: string;
  onLink: (id: string | undefined) => void;
}

const suffix = (i: number) => (i === 0 ? '' : `-${i}`);

/**
 * What support already knows about this site (004: "support already knows and is fixing it"):
 * subscribing is offered first; a report can still be filed, linked to the incident.
 */
export function IncidentBanner({ incidents, linked, onLink }: Props) {
  if (incidents.length === 0) return null;
  return (
    <section class="notice warn" data-testid="incident-banner" aria-labelledby="incident-heading">
      <h2 id="incident-heading">{t('report.incident.heading')}</h2>
      {incidents.map((incident, i) => (
        <div key={incident.id} class={i > 0 ? 'card' : undefined}>
          <h3 data-testid={`incident-name${suffix(i)}`}>{incident.name}</h3>
          <p class="muted small">
            {t(`incident.status.${incident.status}`)} · {t(`impact.${incident.impact}`)}
          </p>
          {linked === incident.id ? (
            <div class="actions">
              <p data-testid="incident-linked">{t('report.incident.linked')}</p>
              <button
                type="button"
                class="link"
                data-testid="incident-unlink"
                onClick={() => onLink(undefined)}
              >
                {t('report.incident.unlink')}
              </button>
            </div>
          ) : (
            <>
              <p>{t('report.incident.explain')}</p>
              <div class="actions">
                <a
                  class="btn primary"
                  href={incident.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  data-testid={`incident-subscribe${suffix(i)}`}
                >
                  {t('report.incident.subscribe')}
                </a>
                <button
                  type="button"
                  data-testid={`report-anyway${suffix(i)}`}
                  onClick={() => onLink(incident.id)}
                >
                  {t('report.incident.reportAnyway')}
                </button>
              </div>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
