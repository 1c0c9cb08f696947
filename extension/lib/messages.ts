import { z } from 'zod';

/** Requests the background sends to the page script during a capture; validated on arrival. */
export const pageMessage = z.discriminatedUnion('type', [
  /** Answered once the capture script is in the page. */
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('entries') }),
  z.object({ type: z.literal('prepare') }),
  /** Walk the page for lazy content (a growing one only to `growingMaxHeight`), then freeze it for stitching. */
  z.object({
    type: z.literal('preload'),
    maxHeight: z.number().positive(),
    growingMaxHeight: z.number().positive(),
  }),
  z.object({ type: z.literal('scroll'), y: z.number().min(0) }),
  /** Hide exactly these fixed elements (ids from the last `scroll`'s answer). */
  z.object({ type: z.literal('hide'), ids: z.array(z.number().int().min(0)) }),
  z.object({ type: z.literal('render'), maxHeight: z.number().positive() }),
  z.object({ type: z.literal('restore') }),
]);
export type PageMessage = z.infer<typeof pageMessage>;

export const pageMetrics = z.object({
  url: z.string(),
  title: z.string(),
  /** Whole page in CSS pixels, and the visible part. */
  scrollWidth: z.number(),
  scrollHeight: z.number(),
  viewportWidth: z.number(),
  viewportHeight: z.number(),
  devicePixelRatio: z.number(),
  scrollY: z.number(),
  /**
   * 'window' when the document scrolls; 'viewport-element' when an element as big as the viewport
   * does (the body, say), stitched the same way; 'element' when an inner container does.
   */
  scroller: z.enum(['window', 'viewport-element', 'element', 'none']),
  language: z.string(),
  screen: z.object({ width: z.number(), height: z.number() }),
  timeZone: z.string(),
  userAgent: z.string(),
});
export type PageMetrics = z.infer<typeof pageMetrics>;

/** The page after the walk for lazy content, ready to be stitched. */
export const walked = z.object({
  metrics: pageMetrics,
  /** Still growing where the walk stopped: an endless feed. */
  endless: z.boolean(),
});
export type Walked = z.infer<typeof walked>;

/** The page at one capture's scroll position (capture/loop.ts). */
export const tileView = z.object({
  scrollY: z.number(),
  scrollHeight: z.number(),
  fixed: z.array(z.object({ id: z.number().int().min(0), top: z.number(), bottom: z.number() })),
});
export type TileView = z.infer<typeof tileView>;

/** A page rendered by html2canvas when scroll-and-stitch cannot work. */
export const rendered = z.object({
  dataUrl: z.string(),
  width: z.number(),
  height: z.number(),
  truncated: z.boolean(),
});
export type Rendered = z.infer<typeof rendered>;

/** Messages from extension pages to the background worker. */
export const backgroundMessage = z.discriminatedUnion('type', [
  /** Start a report of a tab, as the toolbar button does (used by "Report another page" and tests). */
  z.object({ type: z.literal('report-tab'), tabId: z.number().int() }),
  z.object({ type: z.literal('capture-more'), draftId: z.string(), tabId: z.number().int() }),
  z.object({ type: z.literal('deliver') }),
]);
export type BackgroundMessage = z.infer<typeof backgroundMessage>;
