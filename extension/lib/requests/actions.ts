import {
  type AnswerFile,
  answerRequest,
  confirmRequest,
  type RequestView,
  reopenRequest,
} from '../api/client.ts';
import { setBadgePart } from '../badge.ts';
import { loadSettings } from '../settings.ts';
import { db, type SentReport, updateSent } from '../store.ts';
import { notifiedOf, progressOfView, waitingCount } from './rules.ts';

/**
 * What My reports does to a request: the person's answer, confirmation or reopening, and the bell.
 * Each action's own result is kept at once and counted as told, so the person is not notified of
 * what they did themselves, and the badge follows.
 */

/** Redraws the badge's count of requests waiting for the person from what is stored. */
export async function redrawWaiting(): Promise<void> {
  await setBadgePart('waiting', waitingCount(await (await db()).getAll('sent')));
}

async function keep(reference: string, view: RequestView): Promise<void> {
  const request = progressOfView(view);
  await updateSent(reference, (r) => ({ ...r, request, notified: notifiedOf(request) }));
  await redrawWaiting();
}

async function act(report: SentReport, call: (serverUrl: string) => Promise<RequestView>): Promise<void> {
  const view = await call((await loadSettings()).serverUrl);
  await keep(report.reference, view);
}

export const sendAnswer = (report: SentReport, text: string, files: readonly AnswerFile[]) =>
  act(report, (server) => answerRequest(server, report.reference, report.secret, text, files));

export const confirmSolved = (report: SentReport) =>
  act(report, (server) => confirmRequest(server, report.reference, report.secret));

export const reopen = (report: SentReport, reason: string) =>
  act(report, (server) => reopenRequest(server, report.reference, report.secret, reason));

/** The bell: this request's notifications off (muted) or on again. */
export async function setMuted(reference: string, muted: boolean): Promise<void> {
  await updateSent(reference, (r) => ({ ...r, muted }));
}
