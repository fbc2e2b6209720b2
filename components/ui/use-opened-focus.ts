'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * An inline form opened by a button: opening moves focus to the form's first field, closing
 * returns it to the button — so keyboard and screen-reader users stay where they were.
 */
export function useOpenedFocus<TOpener extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpenState] = useState(false);
  const opener = useRef<TOpener>(null);
  const form = useRef<HTMLDivElement>(null);
  // Only a change made here moves focus; the first render leaves it alone.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    // A confirming step marks its safe choice with data-autofocus: Enter right after opening must not destroy anything.
    if (open) (form.current?.querySelector<HTMLElement>('[data-autofocus]') ?? form.current?.querySelector<HTMLElement>('textarea, select, input, button:not([disabled])'))?.focus();
    else opener.current?.focus();
  }, [open]);
  const setOpen = (next: boolean) => {
    moved.current = true;
    setOpenState(next);
  };
  return { open, setOpen, opener, form };
}
