/**
 * The one email module shared by the SDK, the widget and the servers: what counts as a
 * valid address, how two addresses compare, and how pasted text becomes a list.
 */

/** Longest address accepted (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

// The rule of HTML's `<input type=email>` (WHATWG "valid e-mail address").
const HTML_EMAIL_RULE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * Whether an address (already trimmed) is one the product accepts.
 *
 * @example
 * isValidEmail('ana@clinic.org'); // true
 * isValidEmail('ana@'); // false
 */
export function isValidEmail(address: string): boolean {
  return address.length <= MAX_EMAIL_LENGTH && HTML_EMAIL_RULE.test(address);
}

/** The form two addresses are compared in: trimmed and lower-cased. */
export function emailKey(address: string): string {
  return address.trim().toLowerCase();
}

/** What an address is in a list: a valid one, an invalid one, or one that stands earlier. */
export type EmailStatus = 'valid' | 'invalid' | 'duplicate';

/**
 * Judges the addresses of one list in order: invalid, a duplicate (ignoring case) of one
 * judged before, or valid. The one rule the widget, the mocks and the server apply.
 *
 * @example
 * const judge = emailJudge();
 * judge('ana@x.org'); // 'valid'
 * judge('ANA@x.org'); // 'duplicate'
 */
export function emailJudge(): (address: string) => EmailStatus {
  const seen = new Set<string>();
  return (address) => {
    if (!isValidEmail(address)) return 'invalid';
    const key = emailKey(address);
    if (seen.has(key)) return 'duplicate';
    seen.add(key);
    return 'valid';
  };
}

/** One address found in pasted text. */
export interface ParsedEmail {
  /** The address, trimmed, as typed (case kept). */
  email: string;
  /** The display name from `Name <address>`, if one was given. */
  name?: string;
  /** `duplicate`: the same address (ignoring case) stands earlier in the text. */
  status: EmailStatus;
}

/**
 * Splits pasted text into addresses: separated by commas, semicolons, white space or new
 * lines; `Name <a@b.c>` and `"Last, First" <a@b.c>` give the address inside the brackets.
 * Each address is checked and duplicates (ignoring case) are flagged.
 *
 * @example
 * parseEmailList('Ana <ana@x.org>, bo@x.org; ANA@x.org');
 * // [{ email: 'ana@x.org', name: 'Ana', status: 'valid' },
 * //  { email: 'bo@x.org', status: 'valid' },
 * //  { email: 'ANA@x.org', status: 'duplicate' }]
 */
export function parseEmailList(text: string): ParsedEmail[] {
  const judge = emailJudge();
  return splitEntries(text).map(({ email, name }) => {
    const status = judge(email);
    return name ? { email, name, status } : { email, status };
  });
}

/** Splits on separators that stand outside quotes and angle brackets. */
function splitEntries(text: string): Array<{ email: string; name?: string }> {
  const entries: Array<{ email: string; name?: string }> = [];
  let segment = '';
  let inQuotes = false;
  let inBrackets = false;
  const flush = () => {
    entries.push(...readSegment(segment));
    segment = '';
  };
  for (const char of text) {
    if (char === '"' && !inBrackets) inQuotes = !inQuotes;
    else if (char === '<' && !inQuotes) inBrackets = true;
    else if (char === '>' && !inQuotes) inBrackets = false;
    if (!inQuotes && !inBrackets && (char === ',' || char === ';' || char === '\n' || char === '\r')) {
      flush();
    } else {
      segment += char;
    }
  }
  flush();
  return entries;
}

/**
 * Reads one address written as `Name <a@b.c>`, `"Last, First" <a@b.c>` or a bare address;
 * undefined when the text has no angle brackets.
 *
 * @example
 * readNamedAddress('Ana Ruiz <ana@x.org>'); // { email: 'ana@x.org', name: 'Ana Ruiz' }
 */
export function readNamedAddress(text: string): { email: string; name?: string } | undefined {
  const bracket = /^(.*?)<([^<>]*)>\s*$/s.exec(text);
  if (!bracket) return undefined;
  const name = bracket[1]!
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim();
  const email = bracket[2]!.trim();
  return name ? { email, name } : { email };
}

function readSegment(segment: string): Array<{ email: string; name?: string }> {
  const named = readNamedAddress(segment);
  if (named) return [named];
  return segment
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((email) => ({ email }));
}
