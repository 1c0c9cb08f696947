import { z } from 'zod';
import { safeFileName } from '../../domain/file-names.ts';
import type { Deliver } from '../outgoing.ts';
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
  return async (out) => {
    const uploads: Upload[] = [];
    for (const a of out.stored.attachments) {
      uploads.push(
        await redmine.upload(safeFileName(a.name, a.content_type), a.content_type, await out.file(a)),
      );
    }
    const created = await redmine.post('/issues.json', issuePayload(cfg, out, uploads, locale), issueAnswer);
    return { external_ref: `redmine#${created.issue.id}` };
  };
}
