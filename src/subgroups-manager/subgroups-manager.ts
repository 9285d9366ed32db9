import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Subgroup } from '../../sdk/index.ts';
import { ManageUsersElement } from '../base/element.ts';
import { isAbort } from '../base/errors.ts';
import { ModalController } from '../controllers/modal-controller.ts';
import { SectionController } from '../controllers/section-controller.ts';
import { FocusController } from '../controllers/focus-controller.ts';
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
export class SubgroupsManager extends ManageUsersElement {
  /** @internal */
  static override styles = [tokens, styles];

  /** Whether the dialog is open; `show()` and `close()` change it too. */
  @property({ type: Boolean, reflect: true }) accessor open = false;

  /** @internal */
  @state() accessor editing = '';

  // Used alone, it loads its subgroups when it opens (below), not before.
  readonly #section: SectionController = new SectionController(this, { loadWhen: () => false });
  readonly #modal = new ModalController(this);
  // A removed subgroup leaves focus on the next one, or the name field.
  readonly #focus = new FocusController(this);

  constructor() {
    super();
    this.#refreshOnOpen();
  }

  /** Fresh subgroups (with their counts) each time the dialog opens. */
  #refreshOnOpen() {
    new Task(this, {
      task: async ([api, open], { signal }) => {
        if (!api || !open) return;
        this.#section.store.subgroups = (await api.client.subgroups.list(api.groupId, { signal })).items;
        this.#section.store.changed();
      },
      onError: (error) =>
        void (isAbort(error) || this.#section.show({ tone: 'error', text: this.#section.fail(error) })),
      args: () => [this.#section.api, this.open] as const,
    });
  }

  /** Opens the dialog and moves focus into it. */
  show() {
    return this.#modal.show();
  }

  /** Closes the dialog; focus goes back to what had it. */
  close() {
    this.#modal.close();
  }

  async #add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = nameIn(form);
    if (!name || !(await this.#section.actions.addSubgroup(name))) return;
    form.reset();
    this.#focus.moveTo();
  }

  #stopEditing(id: string) {
    this.editing = '';
    this.#focus.moveTo(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] [part~="rename-button"]`),
    );
  }

  async #rename(event: SubmitEvent, subgroup: Subgroup) {
    event.preventDefault();
    const name = nameIn(event.target as HTMLFormElement);
    if (name && (await this.#section.actions.renameSubgroup(subgroup, name))) this.#stopEditing(subgroup.id);
  }

  async #remove(subgroup: Subgroup) {
    await this.#section.actions.removeSubgroup(subgroup);
  }

  protected override render() {
    const t = this.#section.t;
    return html`<dialog class="main" part="dialog" aria-labelledby="subgroups-title" @close=${this.#modal.onClose}>
      <header class="head">
        <h2 id="subgroups-title" part="heading">${t.subgroupsTitle}</h2>
        <button class="icon" part="button close-button" aria-label=${t.close} @click=${() => this.close()}>✕</button>
      </header>
      <form class="add" @submit=${this.#add}>
        <label for="new-subgroup">${t.subgroupName}</label>
        <input
          id="new-subgroup"
          name="name"
          part="name-input"
          @input=${this.#clearFeedback}
          required
          maxlength="80"
          autocomplete="off"
          data-initial-focus
          data-focus-fallback
        />
        <button
          class="primary"
          part="button add-subgroup-button"
          aria-disabled=${this.#section.busy ? 'true' : 'false'}
        >
          ${t.addSubgroup}
        </button>
      </form>
      ${this.#section.renderFeedback()}
      ${this.#section.subgroups.length === 0 ? html`<p class="hint">${t.noSubgroups}</p>` : nothing}
      <ul class="list">
        ${this.#section.subgroups.map((s) => html`<li part="row" data-id=${s.id}>${this.editing === s.id ? this.renderRename(s) : this.renderRow(s)}</li>`)}
      </ul>
      ${this.#section.renderSupport()}
    </dialog>`;
  }

  protected renderRename(s: Subgroup) {
    const t = this.#section.t;
    return html`<form class="rename" @submit=${(e: SubmitEvent) => this.#rename(e, s)}>
      <input
        name="name"
        part="name-input"
        aria-label=${t.renameSubgroupField(s.name)}
        @keydown=${(e: KeyboardEvent) => this.#onRenameKeydown(e, s.id)}
        .value=${s.name}
        required
        maxlength="80"
        autocomplete="off"
      />
      <button class="primary" part="button save-button" aria-disabled=${this.#section.busy ? 'true' : 'false'}>
        ${t.save}
      </button>
      <button type="button" part="button" @click=${() => this.#cancelEditing(s.id)}>${t.cancel}</button>
    </form>`;
  }

  protected renderRow(s: Subgroup) {
    const t = this.#section.t;
    return html`<span class="name"
        ><strong>${s.name}</strong>
        <span class="hint">${t.subgroupCounts(s.memberCount, s.invitationCount)}</span></span
      >
      <span class="row-actions">
        <button
          part="button rename-button"
          aria-label=${t.renameNamed(s.name)}
          @click=${() => this.#startEditing(s.id)}
        >
          ${t.rename}
        </button>
        <button
          class="danger"
          part="button remove-button"
          aria-label=${t.removeNamed(s.name)}
          aria-disabled=${this.#section.busy ? 'true' : 'false'}
          @click=${() => this.#remove(s)}
        >
          ${t.remove}
        </button>
      </span>`;
  }

  /** Escape in the rename field cancels the rename, not the whole dialog. */
  #onRenameKeydown(event: KeyboardEvent, id: string) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#cancelEditing(id);
  }

  #cancelEditing(id: string) {
    this.#clearFeedback();
    this.#stopEditing(id);
  }

  /** A new action: the last refusal ("already exists") no longer applies. */
  #clearFeedback = () => this.#section.show(undefined);

  async #startEditing(id: string) {
    this.editing = id;
    this.#clearFeedback();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('.rename input')?.select();
  }
}

/** The trimmed name typed in a subgroup form. */
function nameIn(form: HTMLFormElement): string {
  const value = new FormData(form).get('name');
  return typeof value === 'string' ? value.trim() : '';
}
