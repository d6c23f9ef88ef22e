import { useEffect, useKeypress, useState } from '@inquirer/core';

/** How often a waiting prompt looks at the clock again. */
const REFRESH_MS = 1000;

/**
 * The style of a prompt's message that keeps a live label in front of it: `label()` is read
 * again every second while the prompt waits, and the prompt is drawn again only when the label
 * changes (inquirer redraws the whole prompt, so what is being typed stays as it is). `onKey`
 * sees every key the prompt gets, for the section menu's shortcut.
 *
 * It uses inquirer's hooks: the prompts call the message style once on every render, always
 * in the same place, which is what hooks need.
 */
export function liveMessage(label: () => string, bold: (s: string) => string, onKey: (key: { name?: string; ctrl?: boolean }) => void) {
  return (text: string): string => {
    const [shown, setShown] = useState(label);
    useEffect(() => {
      const timer = setInterval(() => setShown(label()), REFRESH_MS);
      return () => clearInterval(timer);
    }, []);
    useKeypress((key) => onKey(key));
    return shown + bold(text);
  };
}
