import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { inMegabytes, LIMITS } from '../../../shared/limits.ts';
import { ACCEPTED_FILES } from '../../components/CaptureSeries.tsx';
import { t } from '../../lib/i18n.ts';
import { canMove } from '../../lib/report/series.ts';
import type { Draft } from '../../lib/store.ts';
import { getDraft } from '../../lib/store.ts';
import type { DraftSync } from './draft-sync.ts';

type Update = (change: (d: Draft) => Draft) => void;

const accepted = new Set(ACCEPTED_FILES.split(','));

/** The series and the attached files: thumbnails, order, removal, "Add a step", attaching. */
export function useAttachments(
  draft: Draft | undefined,
  update: Update,
  selected: string | undefined,
  select: (id: string) => void,
) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [addingStep, setAddingStep] = useState(false);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const urlsRef = useRef(urls);

  // One object URL per capture, made when it appears and revoked when it goes.
  useEffect(() => {
    const captures = draft?.captures ?? [];
    const current = urlsRef.current;
    const next: Record<string, string> = {};
    for (const c of captures) next[c.id] = current[c.id] ?? URL.createObjectURL(c.original);
    for (const [id, url] of Object.entries(current)) if (!next[id]) URL.revokeObjectURL(url);
    urlsRef.current = next;
    setUrls(next);
  }, [draft?.captures]);
  useEffect(
    () => () => {
      for (const url of Object.values(urlsRef.current)) URL.revokeObjectURL(url);
    },
    [],
  );

  const count = () => (draft?.captures.length ?? 0) + (draft?.files?.length ?? 0);

  return {
    urls,
    addingStep,
    message,
    move(index: number, by: -1 | 1) {
      update((d) => {
        if (!canMove(d.captures, index, by)) return d;
        const captures = [...d.captures];
        const [moved] = captures.splice(index, 1);
        if (moved) captures.splice(index + by, 0, moved);
        return { ...d, captures };
      });
    },
    remove(index: number) {
      const removed = draft?.captures[index];
      update((d) => ({ ...d, captures: d.captures.filter((_, i) => i !== index) }));
      // The editor moves to the neighbour only when the capture it showed is gone.
      if (removed?.id !== selected) return;
      const left = draft?.captures.filter((_, i) => i !== index) ?? [];
      const neighbour = left[Math.min(index, left.length - 1)];
      if (neighbour) select(neighbour.id);
    },
    /** Captures the reported tab as it is now; the background adds it to this draft. */
    async addStep(sync: DraftSync) {
      const tabId = draft?.tabId;
      if (!draft || tabId === undefined) return;
      if (count() >= LIMITS.maxFiles)
        return setMessage(t('report.error.tooManyFiles', { max: LIMITS.maxFiles }));
      setAddingStep(true);
      setMessage(undefined);
      try {
        // The background writes the draft too; ours waits so that neither write loses the other's.
        const reply = (await sync.hold(() =>
          browser.runtime.sendMessage({ type: 'capture-more', draftId: draft.id, tabId }),
        )) as { ok: boolean; error?: string } | undefined;
        if (!reply?.ok) throw new Error(reply?.error ?? t('report.series.noAnswer'));
        const stored = await getDraft(draft.id);
        let added: string | undefined;
        update((d) => {
          const known = new Set(d.captures.map((c) => c.id));
          const fresh = (stored?.captures ?? []).filter((c) => !known.has(c.id));
          added = fresh.at(-1)?.id;
          return { ...d, captures: [...d.captures, ...fresh] };
        });
        if (added) select(added);
      } catch (err) {
        setMessage(t('report.series.stepFailed', { error: (err as Error).message }));
      } finally {
        setAddingStep(false);
        // The capture brought the reported tab to the front; the person continues here.
        const me = await browser.tabs.getCurrent().catch(() => undefined);
        if (me?.id !== undefined) await browser.tabs.update(me.id, { active: true }).catch(() => undefined);
      }
    },
    attach(files: File[]) {
      const problems: string[] = [];
      const room = LIMITS.maxFiles - count();
      const ok = files.filter((f) => {
        if (!accepted.has(f.type)) problems.push(t('report.series.wrongType', { name: f.name }));
        else if (f.size > LIMITS.maxFileBytes)
          problems.push(
            t('report.series.fileTooBig', { name: f.name, max: inMegabytes(LIMITS.maxFileBytes) }),
          );
        else return true;
        return false;
      });
      if (ok.length > room) problems.push(t('report.error.tooManyFiles', { max: LIMITS.maxFiles }));
      const taken = ok
        .slice(0, Math.max(0, room))
        .map((f) => ({ id: crypto.randomUUID(), name: f.name, blob: f }));
      setMessage(problems.join(' ') || undefined);
      if (taken.length) update((d) => ({ ...d, files: [...(d.files ?? []), ...taken] }));
    },
    removeFile(index: number) {
      update((d) => ({ ...d, files: (d.files ?? []).filter((_, i) => i !== index) }));
    },
  };
}
