import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Subgroup } from '../../sdk/index.ts';
import { DialogElement } from '../base/dialog-element.ts';
import { tokens } from '../styles/tokens.ts';
import { styles } from './styles.ts';

/**
 * Add, rename and remove the group's subgroups, in a modal dialog.
 *
 * @summary The subgroups of the group.
 * @tagname subgroups-manager
 *
 * @fires subgroups-changed - Subgroups were added, renamed or removed.
 * @fires subgroup-remove-request - Cancelable, before a subgroup is removed.
 * @fires manage-users-error - An operation failed; `detail.message` is what was shown.
 *
 * @csspart dialog - The modal dialog.
 * @csspart name-input - The name fields.
 * @csspart row - A subgroup.
 * @csspart button - Every button.
 * @csspart error - Error messages.
 */
export class SubgroupsManager extends DialogElement {
  /** @internal */
  static override styles = [tokens, styles];

  /** @internal */
  @state() accessor editing = '';
  /** @internal */
  @state() accessor error = '';
  /** @internal */
  @state() accessor busy = false;

  protected override opened() {
    void this.#reload(false);
  }

  /** Loads the subgroups; after a change, tells the page (and the section) about it. */
  async #reload(changed: boolean) {
    const api = this.api;
    if (!api) return;
    try {
      this.ownSubgroups = (await api.client.subgroups.list(api.groupId)).items;
      if (changed) this.emit('subgroups-changed', { subgroups: this.ownSubgroups });
    } catch (error) {
      this.error = this.fail(error);
    }
  }

  get #list(): Subgroup[] {
    return this.ownSubgroups ?? this.subgroups;
  }

  async #run(work: () => Promise<unknown>, done: string) {
    this.busy = true;
    this.error = '';
    try {
      await work();
      this.editing = '';
      this.announce(done);
      await this.#reload(true);
      return true;
    } catch (error) {
      this.error = this.fail(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #add(event: SubmitEvent) {
    event.preventDefault();
    const api = this.api;
    const form = event.target as HTMLFormElement;
    const name = new FormData(form).get('name')?.toString().trim() ?? '';
    if (!api || !name) return;
    if (await this.#run(() => api.client.subgroups.create(api.groupId, { name }), name)) form.reset();
  }

  async #rename(event: SubmitEvent, subgroup: Subgroup) {
    event.preventDefault();
    const api = this.api;
    const name = new FormData(event.target as HTMLFormElement).get('name')?.toString().trim() ?? '';
    if (!api || !name) return;
    await this.#run(() => api.client.subgroups.rename(api.groupId, subgroup.id, { name }), name);
  }

  async #remove(subgroup: Subgroup) {
    const api = this.api;
    if (!api) return;
    if (!this.emit('subgroup-remove-request', { subgroup }, { cancelable: true })) return;
    if (!(await this.confirm(this.t.confirmRemoveSubgroup(subgroup.name), this.t.remove))) return;
    await this.#run(() => api.client.subgroups.remove(api.groupId, subgroup.id), this.t.remove);
  }

  protected override render() {
    const t = this.t;
    return html`<dialog class="main" part="dialog" aria-labelledby="subgroups-title" @close=${this.onClosed}>
      <header class="head">
        <h2 id="subgroups-title" part="heading">${t.subgroupsTitle}</h2>
        <button class="icon" part="button close-button" aria-label=${t.close} @click=${() => this.close()}>✕</button>
      </header>
      <form class="add" @submit=${this.#add}>
        <label for="new-subgroup">${t.subgroupName}</label>
        <input id="new-subgroup" name="name" part="name-input" required maxlength="80" autocomplete="off" data-initial-focus />
        <button class="primary" part="button add-subgroup-button" ?disabled=${this.busy}>${t.addSubgroup}</button>
      </form>
      ${this.error ? html`<p class="error" part="error" role="alert">${this.error}</p>` : nothing}
      ${this.#list.length === 0 ? html`<p class="hint">${t.noSubgroups}</p>` : nothing}
      <ul class="list">
        ${this.#list.map((s) => html`<li part="row">
          ${this.editing === s.id
            ? html`<form class="rename" @submit=${(e: SubmitEvent) => this.#rename(e, s)}>
                <input name="name" part="name-input" aria-label=${t.subgroupName} .value=${s.name} required maxlength="80" autocomplete="off" />
                <button class="primary" part="button save-button" ?disabled=${this.busy}>${t.save}</button>
                <button type="button" part="button" @click=${() => (this.editing = '')}>${t.cancel}</button>
              </form>`
            : html`<span class="name"><strong id="subgroup-${s.id}">${s.name}</strong> <span class="hint">${t.subgroupCounts(s.memberCount, s.invitationCount)}</span></span>
                <span class="row-actions">
                  <button part="button rename-button" aria-describedby="subgroup-${s.id}" @click=${() => this.#startEditing(s.id)}>${t.rename}</button>
                  <button class="danger" part="button remove-button" aria-describedby="subgroup-${s.id}" ?disabled=${this.busy} @click=${() => this.#remove(s)}>${t.remove}</button>
                </span>`}
        </li>`)}
      </ul>
      ${this.renderConfirm()} ${this.renderLive()}
    </dialog>`;
  }

  async #startEditing(id: string) {
    this.editing = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('.rename input')?.select();
  }
}
