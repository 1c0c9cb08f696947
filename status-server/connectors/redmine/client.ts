import { z } from 'zod';
import { endpoint, refusal } from '../../platform/http/outbound.ts';
import { send } from '../http.ts';
import type { RedmineConfig } from './config.ts';

/** Uploads carry full-page captures of several MB; a slow Redmine gets longer than a webhook. */
const TIMEOUT_MS = 30_000;

const errorAnswer = z.object({ errors: z.array(z.string()) });
const uploadAnswer = z.object({ upload: z.object({ token: z.string().min(1) }) });

/** An image Redmine already holds, by the token its upload answered. */
export interface Upload {
  token: string;
  filename: string;
  content_type: string;
  /** Shown beside the file in the issue: how the image was captured ("Whole page 2/3"). */
  description?: string;
}

interface Body {
  contentType: string;
  data: BodyInit;
}

/**
 * Redmine's REST API with this server's key: every answer that is not a success throws naming the
 * method and endpoint (a refusal that retrying cannot help is permanent), and a JSON answer is read
 * with `answer`, or throws saying it was not understood.
 */
export function redmineClient(cfg: RedmineConfig) {
  async function call(method: string, path: string, body?: Body): Promise<{ text: string; date: number }> {
    const url = `${cfg.url}${path}`;
    const res = await send(
      url,
      {
        method,
        headers: {
          accept: 'application/json',
          'x-redmine-api-key': cfg.apiKey,
          ...(body ? { 'content-type': body.contentType } : {}),
        },
        ...(body ? { body: body.data } : {}),
      },
      TIMEOUT_MS,
    );
    const text = await res.text();
    if (res.status < 200 || res.status > 299) {
      throw refusal(
        res.status,
        `Redmine answered ${res.status} to ${method} ${endpoint(url)}${detail(text)}`,
      );
    }
    // Redmine's own clock, to the second; ours when a proxy drops the header.
    return { text, date: Date.parse(res.headers.get('date') ?? '') || Date.now() };
  }

  async function json<T>(
    method: string,
    path: string,
    answer: z.ZodType<T>,
    body?: Body,
  ): Promise<{ value: T; date: number }> {
    const { text, date } = await call(method, path, body);
    try {
      return { value: answer.parse(JSON.parse(text)), date };
    } catch {
      const url = `${cfg.url}${path}`;
      throw new Error(
        `Redmine's answer to ${method} ${endpoint(url)} was not understood: ${text.slice(0, 200)}`,
      );
    }
  }

  return {
    /** Answers the JSON read and the time of Redmine's answer (its `Date` header). */
    get: <T>(path: string, answer: z.ZodType<T>) => json('GET', path, answer),
    post: async <T>(path: string, body: unknown, answer: z.ZodType<T>) =>
      (await json('POST', path, answer, { contentType: 'application/json', data: JSON.stringify(body) }))
        .value,
    /** Redmine answers an update with 204 and no body. */
    put: async (path: string, body: unknown) => {
      await call('PUT', path, { contentType: 'application/json', data: JSON.stringify(body) });
    },
    /** Uploads one file (`POST /uploads.json`); answers its token, for an issue or a note to attach. */
    async upload(filename: string, contentType: string, data: Uint8Array<ArrayBuffer>): Promise<Upload> {
      const { upload } = (
        await json('POST', `/uploads.json?filename=${encodeURIComponent(filename)}`, uploadAnswer, {
          contentType: 'application/octet-stream',
          data,
        })
      ).value;
      return { token: upload.token, filename, content_type: contentType };
    },
  };
}

export type RedmineClient = ReturnType<typeof redmineClient>;

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

/** The issue number in a forwarding's external reference (`redmine#123`), if it is one. */
export function issueIdOf(externalRef: string | null | undefined): number | undefined {
  const m = /^redmine#(\d{1,12})$/.exec(externalRef ?? '');
  return m ? Number(m[1]) : undefined;
}
