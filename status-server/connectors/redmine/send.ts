import { z } from 'zod';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { safeFileName } from '../../domain/file-names.ts';
import type { Deliver } from '../outgoing.ts';
import { captureLabel } from '../summary.ts';
import { redmineClient, type Upload } from './client.ts';
import type { RedmineConfig } from './config.ts';
import { issuePayload } from './payload.ts';

const issueAnswer = z.object({ issue: z.object({ id: z.number().int() }) });

/**
 * Creates a Redmine issue through its REST API: each image is uploaded first (`POST /uploads.json`
 * answers a token), then the issue is created with the tokens attached (`POST /issues.json`). A retry
 * uploads again; tokens Redmine never saw used expire on their own.
 */
export function redmineConnector(cfg: RedmineConfig, locale: string): Deliver {
  const redmine = redmineClient(cfg);
  const t = createTranslator(locale);
  return async (out) => {
    const uploads: Upload[] = [];
    // In the report's order, so the parts of a whole page come top to bottom, each labelled.
    for (const a of out.stored.attachments) {
      const upload = await redmine.upload(
        safeFileName(a.name, a.content_type),
        a.content_type,
        await out.file(a),
      );
      const label = captureLabel(a, t);
      uploads.push(label ? { ...upload, description: label } : upload);
    }
    const created = await redmine.post('/issues.json', issuePayload(cfg, out, uploads, locale), issueAnswer);
    return { external_ref: `redmine#${created.issue.id}` };
  };
}
