import html2canvas from 'html2canvas';
import type { Rendered } from '../messages.ts';
import { mainScroller } from './dom.ts';

/**
 * Renders the page's scrolling container (or the whole document) from the DOM with html2canvas: the
 * fallback when the real pixels cannot be stitched, e.g. a page that scrolls inside a container.
 * It is a re-creation, not a screenshot, and the report says so.
 */
export async function renderScroller(maxHeight: number): Promise<Rendered> {
  const target = mainScroller() ?? document.documentElement;
  const fullHeight = target.scrollHeight;
  const height = Math.min(fullHeight, maxHeight);
  // The container is laid out at its full height for the render, then put back.
  const saved = {
    height: target.style.height,
    maxHeight: target.style.maxHeight,
    overflow: target.style.overflow,
  };
  if (target !== document.documentElement) {
    Object.assign(target.style, { height: `${height}px`, maxHeight: 'none', overflow: 'visible' });
  }
  try {
    const canvas = await html2canvas(target, {
      height,
      windowHeight: Math.max(window.innerHeight, height),
      scale: window.devicePixelRatio,
      logging: false,
      useCORS: true,
    });
    return {
      dataUrl: canvas.toDataURL('image/png'),
      width: canvas.width,
      height: canvas.height,
      truncated: height < fullHeight,
    };
  } finally {
    Object.assign(target.style, saved);
  }
}
