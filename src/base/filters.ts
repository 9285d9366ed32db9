/**
 * The search field and filter selects that the lists share.
 */
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Role, Subgroup } from '../../sdk/index.ts';
import type { Messages } from '../strings/index.ts';

const SEARCH_DELAY_MS = 250;

/** A search field that reports what was typed once typing pauses. */
export function renderSearch(label: string, placeholder: string, onSearch: (text: string) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onInput = (event: InputEvent) => {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(timer);
    timer = setTimeout(() => onSearch(value), SEARCH_DELAY_MS);
  };
  return html`<label class="search"
    >${label}
    <input
      type="search"
      part="search-input"
      data-focus-fallback
      placeholder=${placeholder}
      aria-label=${placeholder}
      @input=${onInput}
    />
  </label>`;
}

export function renderRoleFilter(t: Messages, value: Role | '', onChange: (role: Role | '') => void) {
  return html`<label
    >${t.filterRole}
    <select
      part="filter role-filter"
      .value=${live(value)}
      @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as Role | '')}
    >
      <option value="">${t.all}</option>
      <option value="learner">${t.learners}</option>
      <option value="admin">${t.admins}</option>
    </select>
  </label>`;
}

export function renderSubgroupFilter(
  t: Messages,
  subgroups: Subgroup[],
  value: string,
  onChange: (id: string) => void,
) {
  return html`<label
    >${t.filterSubgroup}
    <select part="filter subgroup-filter" @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${value === ''}>${t.all}</option>
      ${subgroups.map((s) => html`<option value=${s.id} ?selected=${s.id === value}>${s.name}</option>`)}
    </select>
  </label>`;
}

/** The query of a list page: only the filters that are set, and a limit the API accepts. */
export function listQuery(filters: {
  pageSize: number;
  query: string;
  role: Role | '';
  subgroupId: string;
  cursor: string | undefined;
}) {
  return {
    limit: Math.min(200, Math.max(1, filters.pageSize)),
    ...(filters.query ? { q: filters.query } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.subgroupId ? { subgroupId: filters.subgroupId } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}
