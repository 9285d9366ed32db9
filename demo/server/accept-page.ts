/**
 * The invitee's page at `/accept?token=…`: shows what the invitation is for, asks for a
 * name and a password, and accepts it through the API. Works without JavaScript.
 */
import { escapeHtml } from '../../api/mail/escape-html.ts';
import { INVITEE_WORDS } from '../../api/domain/invitee-words.ts';
import type { Language } from '../../api/domain/language.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type Problem } from '../../sdk/schemas.ts';

interface Preview {
  email: string;
  /** The name the admin gave, prefilled in the form. */
  name?: string;
  groupName: string;
  role: 'learner' | 'admin';
}

interface PageState {
  token: string;
  preview?: Preview;
  done?: { name: string; group: string };
  /** The API's status when there is no preview: 410 expired, 429 limited, 413 too large, else gone. */
  status?: number;
  /** Seconds to wait, with status 429. */
  retryAfter?: number;
  /** The API's refusal of the form. */
  problem?: Problem;
}

/** The page for a state: the form, a result, or a refusal. */
export function acceptPage(language: Language, state: PageState) {
  const w = INVITEE_WORDS[language];
  let body: string;
  if (state.done) body = `<p role="status">${escapeHtml(w.done(state.done.name, state.done.group))}</p>`;
  else if (!state.preview) body = `<p role="alert">${escapeHtml(refusal(language, state))}</p>`;
  else {
    const p = state.preview;
    body = `<p>${escapeHtml(w.intro(p.groupName, w.roles[p.role], p.email))}</p>
${state.problem ? `<p role="alert" class="error">${escapeHtml(reason(language, state.problem))}</p>` : ''}
<form method="post" action="/accept">
  <input type="hidden" name="token" value="${escapeHtml(state.token)}">
  <input type="hidden" name="lang" value="${language}">
  <label>${escapeHtml(w.name)}<input name="name" autocomplete="name" required maxlength="100" value="${escapeHtml(p.name ?? '')}"></label>
  <label>${escapeHtml(w.password)}<input name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}" maxlength="${MAX_PASSWORD_LENGTH}"></label>
  <button type="submit">${escapeHtml(w.submit)}</button>
</form>`;
  }
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)}</title>
<link rel="stylesheet" href="/accept.css"></head>
<body><main><h1>${escapeHtml(w.title)}</h1>${body}</main></body></html>`;
}

function refusal(language: Language, state: PageState) {
  const w = INVITEE_WORDS[language];
  if (state.status === 410) return w.expired;
  if (state.status === 429) return w.tooMany(Math.max(1, Math.ceil((state.retryAfter ?? 60) / 60)));
  if (state.status === 413) return w.tooLarge;
  return w.gone;
}

/** Why the form was refused, in the page's language where the reason is known. */
function reason(language: Language, problem: Problem) {
  const w = INVITEE_WORDS[language];
  if (problem.code === 'rate_limited') return w.tooMany(Math.max(1, Math.ceil((problem.retryAfter ?? 60) / 60)));
  const fields = new Set(problem.errors?.map((error) => error.path));
  if (fields.has('body.password')) {
    const common = problem.errors?.some((error) => error.path === 'body.password' && error.code === 'common_password');
    return common ? w.passwordCommon : w.passwordRule;
  }
  if (fields.has('body.name')) return w.nameRule;
  return problem.detail ?? problem.title;
}
