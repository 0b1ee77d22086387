// Links in the terminal: web addresses in the output (the web-links addon) and OSC 8 hyperlinks
// (`printf '\e]8;;URL\e\\text\e]8;;\e\\'`). Only http and https open, always in a new tab with
// neither opener nor referrer, so a program in the machine cannot have the page run a
// javascript: or data: address or reach the page through window.opener.
import type { ILinkHandler } from '@xterm/xterm';

/** The address to open for a link's target, or undefined when it is not an http(s) URL. */
export function webUrl(target: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** Opens `target` in a new tab if it is an http(s) URL; true when it did. */
export function openWebLink(target: string, open: typeof window.open = (...args) => window.open(...args)): boolean {
  const href = webUrl(target);
  if (!href) return false;
  open(href, '_blank', 'noopener,noreferrer');
  return true;
}

/**
 * For xterm.js's `linkHandler` option (OSC 8). An OSC 8 link's text need not be its address, so
 * the address is shown and confirmed first, as xterm.js's own default does.
 */
export function oscLinkHandler(
  confirmOpen: (message: string) => boolean = (m) => window.confirm(m),
  open: typeof window.open = (...args) => window.open(...args),
): ILinkHandler {
  return {
    allowNonHttpProtocols: false,
    activate(_event, text) {
      const href = webUrl(text);
      if (href && confirmOpen(`Open this link in a new tab?\n\n${href}`)) openWebLink(href, open);
    },
  };
}
