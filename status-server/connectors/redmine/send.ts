import { z } from 'zod';
import { safeFileName } from '../../domain/file-names.ts';
import { endpoint, refusal } from '../../platform/http/outbound.ts';
import { send } from '../http.ts';
import type { Deliver } from '../outgoing.ts';
import type { RedmineConfig } from './config.ts';
import { issuePayload, type Upload } from './payload.ts';

/** Uploads carry full-page captures of several MB; a slow Redmine gets longer than a webhook. */
const TIMEOUT_MS = 30_000;

const uploadAnswer = z.object({ upload: z.object({ token: z.string().min(1) }) });
const issueAnswer = z.object({ issue: z.object({ id: z.number().int() }) });
const errorAnswer = z.object({ errors: z.array(z.string()) });

/**
 * Creates a Redmine issue through its REST API: each image is uploaded first (`POST /uploads.json`
 * answers a token), then the issue is created with the tokens attached (`POST /issues.json`). A retry
 * uploads again; tokens Redmine never saw used expire on their own.
 */
export function redmineConnector(cfg: RedmineConfig, locale: string): Deliver {
  const call = async <T>(path: string, contentType: string, body: BodyInit, answer: z.ZodType<T>) => {
    const url = `${cfg.url}${path}`;
    const res = await send(
      url,
      {
        method: 'POST',
        headers: { 'content-type': contentType, accept: 'application/json', 'x-redmine-api-key': cfg.apiKey },
        body,
      },
      TIMEOUT_MS,
    );
    const text = await res.text();
    if (res.status !== 201 && res.status !== 200) {
      throw refusal(res.status, `Redmine answered ${res.status} to POST ${endpoint(url)}${detail(text)}`);
    }
    try {
      return answer.parse(JSON.parse(text));
    } catch {
      throw new Error(`Redmine's answer to POST ${endpoint(url)} was not understood: ${text.slice(0, 200)}`);
    }
  };

  return async (out) => {
    const uploads: Upload[] = [];
    for (const a of out.stored.attachments) {
      const filename = safeFileName(a.name, a.content_type);
      const { upload } = await call(
        `/uploads.json?filename=${encodeURIComponent(filename)}`,
        'application/octet-stream',
        await out.file(a),
        uploadAnswer,
      );
      uploads.push({ token: upload.token, filename, content_type: a.content_type });
    }
    const body = JSON.stringify(issuePayload(cfg, out, uploads, locale));
    const created = await call('/issues.json', 'application/json', body, issueAnswer);
    return { external_ref: `redmine#${created.issue.id}` };
  };
}

/** Redmine explains a refusal as `{"errors": [...]}`; other bodies are shown cut short. */
function detail(body: string): string {
  try {
    const parsed = errorAnswer.safeParse(JSON.parse(body));
    if (parsed.success) return `: ${parsed.data.errors.join('; ')}`;
  } catch {
    // Not JSON: an HTML error page from Redmine or a proxy in front of it.
  }
  const text = body.replace(/\s+/g, ' ').trim().slice(0, 200);
  return text ? `: ${text}` : '';
}
