/**
 * Dragging a post to a calendar slot with the pointer (mouse, pen or touch): pointer events rather than HTML
 * drag and drop, which touch screens lack. A press that moves less than a few pixels stays a click (it opens
 * the post); after a drag, the click that follows is swallowed. The slot under the pointer is the nearest
 * element with a `data-slot` key, marked `data-over` while the post is above it.
 */

import { type PointerEvent as ReactPointerEvent, useEffect, useRef } from "react";

const THRESHOLD_PX = 6;

export function usePointerDrag(onDrop: (postId: string, slot: string) => void) {
  const drop = useRef(onDrop);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => {
    drop.current = onDrop;
  });
  useEffect(() => () => stop.current?.(), []);

  return function start(event: ReactPointerEvent<HTMLElement>, postId: string) {
    if (event.button !== 0) return;
    stop.current?.();
    const origin = { x: event.clientX, y: event.clientY };
    const chip = event.currentTarget;
    let dragging = false;
    let over: HTMLElement | null = null;

    const mark = (slot: HTMLElement | null) => {
      if (slot === over) return;
      if (over) delete over.dataset.over;
      over = slot;
      if (over) over.dataset.over = "true";
    };
    const move = (e: PointerEvent) => {
      if (!dragging && Math.hypot(e.clientX - origin.x, e.clientY - origin.y) < THRESHOLD_PX) return;
      dragging = true;
      chip.dataset.dragging = "true";
      const below = document.elementFromPoint(e.clientX, e.clientY);
      mark(below instanceof HTMLElement ? below.closest<HTMLElement>("[data-slot]") : null);
    };
    const swallowClick = (e: MouseEvent) => {
      e.stopPropagation();
      e.preventDefault();
    };
    const up = () => {
      const slot = over?.dataset.slot;
      cleanup();
      if (!dragging) return;
      window.addEventListener("click", swallowClick, { capture: true, once: true });
      setTimeout(() => window.removeEventListener("click", swallowClick, { capture: true }), 0);
      if (slot) drop.current(postId, slot);
    };
    const cleanup = () => {
      mark(null);
      delete chip.dataset.dragging;
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", cleanup);
      stop.current = null;
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", cleanup);
    stop.current = cleanup;
  };
}
