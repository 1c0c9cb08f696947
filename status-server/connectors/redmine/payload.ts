import type { OutgoingReport } from '../outgoing.ts';
import { oneLine, summarise, toPlainText } from '../summary.ts';
import type { Upload } from './client.ts';
import type { RedmineConfig } from './config.ts';

/**
 * The body of `POST /issues.json`: the report as the shared plain-text outline, labelled in the help
 * desk's language (`locale`), its images attached.
 */
export function issuePayload(cfg: RedmineConfig, out: OutgoingReport, uploads: Upload[], locale: string) {
  const { row, report } = out.stored;
  return {
    issue: {
      project_id: cfg.project,
      ...(cfg.trackerId === undefined ? {} : { tracker_id: cfg.trackerId }),
      subject: `[${row.reference}] ${oneLine(row.title)}`,
      description: toPlainText(summarise(out, locale)),
      // Without a priority Redmine applies its own default, which suits questions and feature requests.
      ...(report.priority ? { priority_id: cfg.priorityIds[report.priority] } : {}),
      uploads,
    },
  };
}
