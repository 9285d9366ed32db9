/**
 * Whether the page's own scripts have run. A page that sets `.getToken` in an inline
 * script after the widget's tag upgrades it too late for a first request made at once;
 * waiting for `DOMContentLoaded` (or for a token provider) means no request goes out
 * without a token.
 */
let parsed = typeof document === 'undefined' || document.readyState === 'complete';
const waiting: Array<() => void> = [];

if (!parsed) {
  document.addEventListener('DOMContentLoaded', () => {
    parsed = true;
    for (const callback of waiting.splice(0)) callback();
  });
}

/** True once the page's parser-inserted scripts have run. */
export function pageParsed(): boolean {
  return parsed;
}

/** Calls back once the page's parser-inserted scripts have run. */
export function whenPageParsed(callback: () => void) {
  if (parsed) callback();
  else waiting.push(callback);
}
