import type { Draft } from '../../lib/store.ts';
import { saveDraft } from '../../lib/store.ts';

/** Typing pauses this long before the draft is written; short enough that a closed tab loses nothing. */
const DEBOUNCE_MS = 300;

/**
 * Writes the page's draft to IndexedDB as it is typed. Writes run one after another; while the
 * background adds a capture to the same draft they wait, so neither write undoes the other.
 */
export class DraftSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Draft | undefined;
  private chain: Promise<void> = Promise.resolve();
  private held = false;
  private closed = false;

  constructor(private readonly onSaved: (error?: Error) => void) {}

  schedule(draft: Draft): void {
    this.pending = draft;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    const draft = this.pending;
    if (this.held || this.closed || !draft) return this.chain;
    this.pending = undefined;
    this.chain = this.chain
      .then(() => saveDraft(draft))
      .then(
        () => this.onSaved(),
        (err: Error) => this.onSaved(err),
      );
    return this.chain;
  }

  /** The draft has moved to the outbox: writing it again would bring it back. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Writes what is pending, then holds further writes while `work` runs. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    await this.flush();
    this.held = true;
    try {
      return await work();
    } finally {
      this.held = false;
    }
  }
}
