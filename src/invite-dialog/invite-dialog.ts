import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { SeatsExhaustedError, type Invitation, type InviteResult, type Role, type Seats } from '../../sdk/index.ts';
import type { InviteRequestToSend, InviteSend } from '../controllers/section-actions.ts';
import { ManageUsersElement } from '../base/element.ts';
import { ModalController } from '../controllers/modal-controller.ts';
import { SectionController } from '../controllers/section-controller.ts';
import { FocusController } from '../controllers/focus-controller.ts';
import { loadGroupState } from '../state/loads.ts';
import { tokens } from '../styles/tokens.ts';
import { styles } from './styles.ts';
import {
  commitDraft,
  isBlank,
  newBox,
  planBoxes,
  subgroupChoice,
  toRequest,
  type Box,
  type BoxesPlan,
  type ChipState,
} from './boxes.ts';
import { addressCount, firstRequest, newSubgroupNames, withoutSent } from './chunks.ts';
import { shownIndexes } from './shown.ts';
import type { CsvPerson } from './csv.ts';
import type * as CsvPreviewModule from './csv-preview.ts';
import { KnownAddressBook } from './known-addresses.ts';

type Shortfall = { seats: Seats; required: number };

/** The CSV preview's code, a chunk of its own: most sends have no file. */
const loadCsvPreview = () => import('./csv-preview.ts');

/** How long the seat preview waits for typing to pause before it is read out. */
const PREVIEW_PAUSE_MS = 1000;

/**
 * The invite dialog (steps 2–4 of the help article): user-type boxes of Learners or Admins,
 * each with email addresses and an optional subgroup; **Invite Users** sends them all, in
 * requests of at most 500 addresses one after another ("Sending addresses 501–1,000 of 2,400…"),
 * and shows one table of results. Nothing typed is lost when sending fails: what did not go
 * stays in the boxes, and sending again sends only that (the failed request with its same
 * idempotency key).
 *
 * @summary Invite people by email as Learners or Admins.
 * @tagname invite-dialog
 *
 * @fires invitations-sent - Invitations were sent (once per request of at most 500 addresses);
 *   `detail.results` has one entry per address of that request.
 * @fires seats-changed - Seat usage changed.
 * @fires invitations-resent - An already invited address was sent its invitation again.
 * @fires invitations-removed - Expired invitations were removed from the dialog to free seats.
 * @fires invitations-remove-request - Cancelable, before expired invitations are removed.
 * @fires show-pending - The admin asked to see expired invitations in the Pending tab.
 * @fires manage-users-error - An operation failed; `detail.message` is what was shown.
 *
 * @csspart dialog - The modal dialog.
 * @csspart box - A user-type box.
 * @csspart role-input - The Learners / Admins choice of a box.
 * @csspart email-input - The field addresses are typed or pasted into.
 * @csspart chip - An address (also `chip-valid`, `chip-invalid`, `chip-duplicate`, and `chip-known` for one
 *   already invited, a member or a deactivated member: it takes no seat). A box shows 100 chips at most,
 *   those that take no seat first.
 * @csspart chips-more - "and 19,900 more addresses", under a box with more than 100.
 * @csspart subgroup-input - The subgroup field of a box.
 * @csspart add-learners-button - Adds a Learners box.
 * @csspart add-admins-button - Adds an Admins box.
 * @csspart remove-box-button - Removes a box.
 * @csspart csv-input - The CSV file chooser.
 * @csspart csv-row-flagged - A CSV row that would get no new invitation, with the reason.
 * @csspart csv-leave-out-button - "Leave out 4 rows": drops the flagged rows.
 * @csspart draft-note - "Draft kept.", when the dialog opens with what was typed before.
 * @csspart clear-draft-button - Clear: empties a kept draft.
 * @csspart seat-preview - "This sends 12 invitations; 9 seats are free."
 * @csspart submit-button - Invite Users.
 * @csspart results - The per-address results (100 rows at most, those not invited first).
 * @csspart results-more - "and 19,900 more addresses", under results of more than 100.
 * @csspart results-subgroups - "New subgroup created: Nursing.", above the results.
 * @csspart button - Every button.
 * @csspart error - Error messages.
 */
export class InviteDialog extends ManageUsersElement {
  /** @internal */
  static override styles = [tokens, styles];

  /** Whether the dialog is open; `show()` and `close()` change it too. */
  @property({ type: Boolean, reflect: true }) accessor open = false;

  /** @internal */
  @state() accessor boxes: Box[] = [newBox('learner')];
  /** @internal */
  @state() accessor shortfall: Shortfall | undefined = undefined;
  /** @internal */
  @state() accessor results: InviteResult[] | undefined = undefined;
  /** @internal */
  @state() accessor resent = new Set<string>();
  /** Members reactivated from the results, by id. */
  @state() accessor reactivated = new Set<string>();
  /** New subgroups the send shown in the results created, by name. */
  @state() accessor createdSubgroups: string[] = [];
  /** @internal */
  @state() accessor csvPeople: CsvPerson[] | undefined = undefined;
  /** The dialog opened with what was typed before it was closed: it says so, and offers Clear. */
  @state() accessor draftKept = false;

  // Used alone, it reads seats and subgroups each time it opens; in a section, they are shared.
  readonly #section: SectionController<Awaited<ReturnType<typeof loadGroupState>>> = new SectionController(this, {
    load: loadGroupState,
    loadWhen: () => this.open,
  });
  readonly #modal = new ModalController(this);
  readonly #focus = new FocusController(this);
  /** What the group holds for the addresses typed: the seat preview applies the server's rule to it. */
  readonly #book = new KnownAddressBook();
  /** The CSV preview's code, loaded when a file is first chosen. */
  #csv: typeof CsvPreviewModule | undefined;
  #plan: { boxes: Box[]; version: number; people: CsvPerson[] | undefined; plan: BoxesPlan } | undefined;

  /**
   * The request going out, or the one that failed, with its idempotency key: a retry sends the
   * same again, so it cannot invite twice. Dropped when the draft changes.
   */
  #request: InviteRequestToSend | undefined;
  /** What this draft's requests answered so far (a send of more than 500 addresses goes in several). */
  #sent: InviteResult[] = [];
  /** New subgroups this draft's requests created, by name. */
  #created = new Set<string>();
  /** Per box (by key), the shown chip whose ✕ is the chip list's one tab stop, by its place in the list. */
  readonly #chipStop = new Map<number, number>();

  /** Opens the dialog and moves focus into the first email field. */
  show() {
    return this.#modal.show();
  }

  /** Closes the dialog; focus goes back to what had it. */
  close() {
    this.#modal.close();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    super.willUpdate(changed);
    if (changed.has('open') && this.open) {
      this.#book.forget();
      this.draftKept = !isBlank(this.boxes);
    }
    if (this.open && (changed.has('open') || changed.has('boxes') || changed.has('csvPeople'))) this.#lookUpSoon();
    this.#announcePreview();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // A dialog taken off the page asks nothing more.
    this.#book.cancel();
  }

  /** Once typing pauses, asks what the group holds for addresses it was not asked about. */
  #lookUpSoon() {
    const addresses = [...this.boxes.flatMap((box) => commitDraft(box).emails), ...this.#csvEmails()];
    this.#book.lookUpSoon(this.#section.api, addresses, () => this.requestUpdate());
  }

  #csvEmails() {
    return (this.csvPeople ?? []).map((person) => person.email);
  }

  /** What sending would do by the server's rule, planned again only when the boxes or the facts changed. */
  #planned(): BoxesPlan {
    const { boxes, csvPeople: people } = this;
    const version = this.#book.version;
    const last = this.#plan;
    if (last?.boxes === boxes && last.version === version && last.people === people) return last.plan;
    const plan = planBoxes(boxes, this.#book.known, people ? this.#csvEmails() : []);
    this.#plan = { boxes, version, people, plan };
    return plan;
  }

  #onClose() {
    this.#modal.onClose();
    // Typed boxes are kept for next time (it says "Draft kept"); results are not.
    if (!this.open) this.results = undefined;
  }

  /** Clears a kept draft: one empty Learners box, focus in its field. */
  #clearDraft() {
    this.boxes = [newBox('learner')];
    this.csvPeople = undefined;
    this.shortfall = undefined;
    this.draftKept = false;
    this.#request = undefined;
    // What a stopped send had sent is not part of the next one's results.
    this.#sent = [];
    this.#created = new Set();
    this.#section.show(undefined);
    this.#section.announcer.announce(this.#section.t.draftCleared);
    this.#focus.moveTo();
  }

  #update(key: number, change: (box: Box) => Box) {
    // While sending, the boxes are read-only (the fields say why): a change now would be lost.
    if (this.#section.busy) return this.requestUpdate();
    let changed = false;
    const boxes = this.boxes.map((box) => {
      if (box.key !== key) return box;
      const next = change(box);
      changed = next !== box;
      return next;
    });
    if (!changed) return;
    this.boxes = boxes;
    this.#request = undefined;
    this.shortfall = undefined;
    this.#section.show(undefined);
  }

  #addBox(role: Role) {
    if (this.#section.busy) return;
    const box = newBox(role);
    this.boxes = [...this.boxes, box];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#emails-${box.key}`)?.focus());
  }

  #removeBox(key: number) {
    if (this.#section.busy) return;
    const index = this.boxes.findIndex((box) => box.key === key);
    this.boxes = this.boxes.filter((box) => box.key !== key);
    if (this.boxes.length === 0) this.boxes = [newBox('learner')];
    const next = this.boxes[Math.min(index, this.boxes.length - 1)];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#emails-${next?.key}`)?.focus());
  }

  #onEmailInput(key: number, event: InputEvent) {
    const value = (event.target as HTMLInputElement).value;
    // A comma, semicolon or new line ends an address. A space does when the word before it
    // is an address, so "Name <address>" can be typed with its spaces.
    const ended = /[,;\n]$/.test(value) || (/\S*@\S*\s$/.test(value) && !/[<"]/.test(value));
    this.#update(key, (box) => (ended ? commitDraft({ ...box, draft: value }) : { ...box, draft: value }));
  }

  #onEmailPaste(key: number, event: ClipboardEvent) {
    const text = event.clipboardData?.getData('text') ?? '';
    if (!text) return;
    event.preventDefault();
    this.#update(key, (box) => commitDraft(box, `${box.draft ? ' ' : ''}${text}`));
  }

  #onEmailKeydown(key: number, event: KeyboardEvent) {
    if (event.isComposing) return;
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#update(key, (box) => commitDraft(box));
    } else if (event.key === 'Backspace' && input.value === '') {
      // Backspace on an empty field takes the last address back for editing.
      this.#update(key, (box) => {
        const last = box.emails.at(-1);
        return last === undefined ? box : { ...box, emails: box.emails.slice(0, -1), draft: last };
      });
      event.preventDefault();
    }
  }

  #removeEmail(key: number, index: number) {
    this.#update(key, (box) => ({ ...box, emails: box.emails.filter((_, i) => i !== index) }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#emails-${key}`)?.focus());
  }

  /**
   * A box's chips are one tab stop (roving tabindex): arrow keys, Home and End move between their ✕
   * buttons; Delete or Backspace removes the chip, and focus goes to the one that took its place.
   */
  #onChipKeydown(key: number, shown: number[], at: number, event: KeyboardEvent) {
    const index = shown[at];
    if (index === undefined) return;
    const last = shown.length - 1;
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1 };
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? last : moves[event.key];
    const removing = event.key === 'Delete' || event.key === 'Backspace';
    if (to === undefined && !removing) return;
    event.preventDefault();
    if (removing) this.#update(key, (box) => ({ ...box, emails: box.emails.filter((_, i) => i !== index) }));
    this.#chipStop.set(key, Math.max(0, Math.min(to ?? at, last)));
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>(`#chips-${key} [part~="chip-remove-button"]`);
      const stop = [...buttons].find((button) => button.tabIndex === 0);
      (stop ?? this.renderRoot.querySelector<HTMLElement>(`#emails-${key}`))?.focus();
    });
  }

  async #readFile(file: File | undefined) {
    if (!file) return;
    const csv = (this.#csv ??= await loadCsvPreview());
    const text = await file.text();
    const people = csv.readPeople(text);
    this.#section.show(people ? undefined : { tone: 'error', text: this.#section.t.csvNoEmail });
    this.csvPeople = people;
  }

  #addCsv() {
    const csv = this.#csv;
    if (this.#section.busy || !csv) return;
    this.boxes = csv.addPeople(
      this.boxes.map((box) => commitDraft(box)),
      this.csvPeople ?? [],
    );
    this.csvPeople = undefined;
    this.#request = undefined;
    this.#focus.moveTo(() => this.#byPart('submit-button'));
  }

  async #send() {
    const section = this.#section;
    if (section.busy) return;
    this.#book.cancel();
    this.boxes = this.boxes.map((box) => commitDraft(box));
    const { toSend, invalid } = this.#planned();
    this.shortfall = undefined;
    if (invalid || !toSend) {
      // The error is also under each field that holds an invalid address, tied to it (aria-describedby).
      if (invalid) this.#focus.moveTo(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]'));
      return section.show({ tone: 'error', text: invalid ? section.t.invalidLeft(invalid) : section.t.nothingToSend });
    }
    // The server refuses a request that needs more seats than are free whole; a send in several
    // requests that the preview knows cannot fit is refused whole too, before any of them goes.
    const foreseen = this.#foreseenShortfall();
    if (foreseen) {
      section.show(undefined);
      this.shortfall = foreseen;
      return;
    }
    const outcome = await section.actions.invite(this.#inviteSend());
    if (outcome instanceof SeatsExhaustedError) {
      // What is left may need more seats than the request that was refused.
      this.shortfall = { seats: outcome.seats, required: Math.max(outcome.required, this.#planned().seatsNeeded) };
    } else if (outcome) this.#showResults(this.#sent, [...this.#created]);
  }

  /**
   * A shortfall the preview knows of (every address looked up) for a draft that goes in more
   * than one request; a single request is left to the server, which refuses it whole.
   */
  #foreseenShortfall(): Shortfall | undefined {
    const seats = this.#section.seats;
    const { seatsNeeded } = this.#planned();
    if (!seats || seatsNeeded <= seats.available) return undefined;
    const request = toRequest(this.boxes, [], this.#section.locale);
    if (addressCount(firstRequest(request)) === addressCount(request)) return undefined;
    return this.#book.knows(this.boxes.flatMap((box) => box.emails)) ? { seats, required: seatsNeeded } : undefined;
  }

  /**
   * The draft as requests of at most 500 addresses: each is the first 500 still in the boxes
   * (a subgroup an earlier one created is named by its id), and what went leaves the boxes.
   */
  #inviteSend(): InviteSend {
    const section = this.#section;
    const left = () => addressCount(toRequest(this.boxes, [], section.locale));
    const going = () => (this.#request ? addressCount(this.#request.request) : 0);
    return {
      next: () => {
        if (this.#request) return this.#request;
        const request = firstRequest(toRequest(this.boxes, section.subgroups, section.locale));
        if (!request.batches.length) return undefined;
        return (this.#request = { request, idempotencyKey: crypto.randomUUID() });
      },
      sent: ({ results }) => {
        const { request } = this.#request ?? { request: { batches: [] } };
        this.#sent = [...this.#sent, ...results];
        for (const name of newSubgroupNames(request)) this.#created.add(name);
        this.boxes = withoutSent(this.boxes, request);
        this.#request = undefined;
      },
      progress: () => {
        const total = this.#sent.length + left();
        const sent = this.#sent.length;
        return total > going() ? section.t.sendingProgress(sent + 1, sent + going(), total) : '';
      },
      left: () => (this.#sent.length ? section.t.sentPart(this.#sent.length, this.#sent.length + left()) : ''),
    };
  }

  #byPart(part: string) {
    return this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`);
  }

  /** ✕ during a send says the invitations still go out; after it, ✕ closes. */
  #closeButton() {
    if (this.#section.busy) this.#section.show({ tone: 'done', text: this.#section.t.closeWhileSending });
    else this.close();
  }

  #inviteMore() {
    this.results = undefined;
    this.#focus.moveTo();
  }

  #showResults(results: InviteResult[], created: string[]) {
    this.#focus.moveTo(() => this.renderRoot.querySelector<HTMLElement>('#results-title'));
    this.results = results;
    this.createdSubgroups = created;
    this.#sent = [];
    this.#created = new Set();
    this.resent = new Set();
    this.reactivated = new Set();
    this.boxes = [newBox('learner')];
    this.draftKept = false;
    this.#book.forget();
    this.#request = undefined;
    this.#section.announcer.announce(this.#resultsWords().join(' '));
  }

  /** The results' summary: how many were invited, and the subgroups the send created. */
  #resultsWords(): string[] {
    const t = this.#section.t;
    const results = this.results ?? [];
    const created = this.createdSubgroups;
    const names = new Intl.ListFormat(this.#section.locale, { type: 'conjunction' }).format(created);
    return [
      t.resultsSummary(results.filter((r) => r.status === 'invited').length),
      created.length ? t.subgroupsCreated(created.length, names) : '',
    ].filter(Boolean);
  }

  async #resend(invitation: Invitation) {
    const results = await this.#section.actions.resend([invitation]);
    if (results?.some((r) => r.status === 'resent')) this.resent = new Set([...this.resent, invitation.id]);
    // The next address to resend, or Done.
    this.#focus.moveTo(() => this.#byPart('resend-button') ?? this.#byPart('done-button'));
  }

  async #reactivate(result: InviteResult) {
    if (!result.memberId) return;
    const member = { id: result.memberId, name: result.name ?? result.email };
    if (await this.#section.actions.reactivate(member)) this.reactivated = new Set([...this.reactivated, member.id]);
  }

  async #removeExpired() {
    if (!(await this.#section.actions.removeExpired((count) => this.#section.t.confirmRemoveExpired(count)))) return;
    this.shortfall = undefined;
    // Expired invitations are gone: their addresses are new again.
    this.#book.forget();
    this.#lookUpSoon();
    this.#focus.moveTo(() => this.#byPart('submit-button'));
  }

  /** Leaves the flagged rows out of the file's people: only new, valid addresses stay. */
  #leaveOut() {
    const { extra } = this.#planned();
    const kept = (this.csvPeople ?? []).filter((_, i) => extra[i] === 'valid');
    this.csvPeople = kept.length ? kept : undefined;
    const t = this.#section.t;
    if (kept.length && this.#csv) this.#section.announcer.announce(t.csvPreview(kept.length, this.#csv.boxCount(kept)));
    this.#focus.moveTo(() => this.#byPart(kept.length ? 'csv-add-button' : 'csv-input'));
  }

  #cancelCsv() {
    this.csvPeople = undefined;
    this.#focus.moveTo(() => this.#byPart('csv-input'));
  }

  #onDrop(event: DragEvent) {
    event.preventDefault();
    void this.#readFile(event.dataTransfer?.files[0]);
  }

  #showExpired() {
    this.emit('show-pending', { status: 'expired' });
    this.close();
  }

  protected override render() {
    const t = this.#section.t;
    return html`<dialog
      class="main"
      part="dialog"
      aria-labelledby="invite-title"
      @close=${() => this.#onClose()}
      @cancel=${(e: Event) => this.#section.busy && e.preventDefault()}
      @dragover=${(e: DragEvent) => e.preventDefault()}
      @drop=${this.#onDrop}
    >
      <header class="head">
        <h2 id="invite-title" part="heading">${t.inviteTitle}</h2>
        <button class="icon" part="button close-button" aria-label=${t.close} @click=${this.#closeButton}>✕</button>
      </header>
      ${this.results ? this.renderResults() : this.renderForm()} ${this.#section.renderSupport()}
    </dialog>`;
  }

  protected renderForm() {
    const t = this.#section.t;
    const { states } = this.#planned();
    // The body scrolls on its own above the footer when the window is large enough (styles.ts).
    return html`<div class="body">
        <p class="hint">${t.inviteIntro}</p>
        ${
          this.draftKept
            ? html`<p class="draft" part="draft-note">
                <span id="draft-note">${t.draftKept}</span>
                <button
                  class="link"
                  part="button clear-draft-button"
                  aria-describedby="draft-note"
                  @click=${this.#clearDraft}
                >
                  ${t.clearDraft}
                </button>
              </p>`
            : nothing
        }
        <div class="layout">
          <div class="adders">
            <button part="button add-learners-button" @click=${() => this.#addBox('learner')}>
              <span aria-hidden="true">+ </span>${t.addLearners}
            </button>
            <button part="button add-admins-button" @click=${() => this.#addBox('admin')}>
              <span aria-hidden="true">+ </span>${t.addAdmins}
            </button>
          </div>
          <div class="boxes">${this.boxes.map((box, i) => this.renderBox(box, i, states[i] ?? []))}</div>
          <datalist id="subgroups">
            ${this.#section.subgroups.map((s) => html`<option value=${s.name}></option>`)}
          </datalist>
        </div>
        ${this.renderCsv()}
      </div>
      <div class="footer">
        ${this.renderPreview()}
        ${this.#section.busy ? html`<p class="hint" id="sending-note">${t.sendingLocked}</p>` : nothing}
        ${this.#section.renderFeedback()}
        <div class="actions">
          <button part="button cancel-button" @click=${this.#closeButton}>${t.cancel}</button>
          <button
            class="primary"
            part="button submit-button"
            aria-disabled=${this.#section.busy ? 'true' : 'false'}
            @click=${this.#send}
          >
            ${this.#section.busy ? html`<span class="spinner" aria-hidden="true"></span>${t.sending}` : t.inviteUsers}
          </button>
        </div>
      </div>`;
  }

  protected renderBox(box: Box, index: number, states: ChipState[]) {
    const t = this.#section.t;
    const roleName = box.role === 'admin' ? t.admins : t.learners;
    const title = t.boxTitle(roleName, this.boxes.filter((b, i) => b.role === box.role && i <= index).length);
    const choice = subgroupChoice(box.subgroup, this.#section.subgroups);
    const subgroupHint = choice && 'name' in choice ? t.subgroupWillBeCreated(choice.name) : t.subgroupHint;
    return html`<section class="box" part="box" aria-labelledby="box-title-${box.key}">
      <div class="box-head">
        <h3 id="box-title-${box.key}">${title}</h3>
        ${
          this.boxes.length > 1
            ? html`<button
                class="icon"
                part="button remove-box-button"
                aria-label=${t.removeBox(title)}
                @click=${() => this.#removeBox(box.key)}
              >
                ✕
              </button>`
            : nothing
        }
      </div>
      ${this.renderRoles(box)} ${this.renderEmails(box, index, states)}
      <label for="subgroup-${box.key}">${t.subgroup}</label>
      <input
        id="subgroup-${box.key}"
        part="subgroup-input"
        list="subgroups"
        autocomplete="off"
        ?readonly=${this.#section.busy}
        .value=${live(box.subgroup)}
        aria-describedby="subgroup-hint-${box.key}"
        @input=${(e: InputEvent) => this.#update(box.key, (b) => ({ ...b, subgroup: (e.target as HTMLInputElement).value }))}
      />
      <p class="hint" id="subgroup-hint-${box.key}">${subgroupHint}</p>
    </section>`;
  }

  /** A box's email field with its chips; an invalid address's error is tied to the field. */
  protected renderEmails(box: Box, index: number, states: ChipState[]) {
    const t = this.#section.t;
    const invalid = states.filter((state) => state === 'invalid').length;
    const describedBy = `${invalid ? `emails-error-${box.key} ` : ''}emails-hint-${box.key}${this.#section.busy ? ' sending-note' : ''}`;
    return html`<label for="emails-${box.key}">${t.emails}</label>
      <div class="field">
        ${this.renderChips(box, states)}
        <input
          id="emails-${box.key}"
          part="email-input"
          ?data-initial-focus=${index === 0}
          ?data-focus-fallback=${index === 0}
          type="text"
          inputmode="email"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${describedBy}
          ?readonly=${this.#section.busy}
          .value=${live(box.draft)}
          @input=${(e: InputEvent) => this.#onEmailInput(box.key, e)}
          @paste=${(e: ClipboardEvent) => this.#onEmailPaste(box.key, e)}
          @keydown=${(e: KeyboardEvent) => this.#onEmailKeydown(box.key, e)}
          @blur=${() => this.#update(box.key, (b) => commitDraft(b))}
        />
      </div>
      ${invalid ? html`<p class="error" part="error" id="emails-error-${box.key}">${t.invalidLeft(invalid)}</p>` : nothing}
      <p class="hint" id="emails-hint-${box.key}">${t.emailsHint}</p>`;
  }

  /** The Learners / Admins choice of a box. */
  protected renderRoles(box: Box) {
    const t = this.#section.t;
    return html`<fieldset class="roles" part="role-input">
      <legend>${t.userType}</legend>
      ${(['learner', 'admin'] as const).map(
        (role) =>
          html`<label class="role">
            <input
              type="radio"
              name="role-${box.key}"
              .checked=${live(box.role === role)}
              @change=${() => this.#update(box.key, (b) => ({ ...b, role }))}
            />
            <span
              ><strong>${role === 'admin' ? t.admins : t.learners}</strong>
              <span class="hint">– ${role === 'admin' ? t.adminsHint : t.learnersHint}</span></span
            >
          </label>`,
      )}
    </fieldset>`;
  }

  /** A box's addresses as chips, each saying why it takes no seat when it takes none. */
  protected renderChips(box: Box, states: ChipState[]) {
    const t = this.#section.t;
    const notes: Record<ChipState, string> = {
      valid: '',
      invalid: t.chipInvalid,
      duplicate: t.chipDuplicate,
      already_invited: t.resultAlreadyInvited,
      already_member: t.resultAlreadyMember,
      deactivated_member: t.resultDeactivated,
    };
    const shown = shownIndexes(box.emails.length, (j) => (states[j] ?? 'valid') !== 'valid');
    const hidden = box.emails.length - shown.length;
    const stop = Math.min(this.#chipStop.get(box.key) ?? 0, shown.length - 1);
    return html`<ul class="chips" id="chips-${box.key}" aria-label=${t.emailsAdded}>
        ${shown.map((j, at) => {
          const email = box.emails[j] ?? '';
          const state = states[j] ?? 'valid';
          const note = notes[state];
          const known = state !== 'valid' && state !== 'invalid' && state !== 'duplicate';
          return html`<li class="chip ${known ? 'known' : state}" part="chip chip-${known ? 'known' : state}">
            <span>${email}</span>${note ? html`<span class="note">${note}</span>` : nothing}
            <button
              class="icon small"
              part="button chip-remove-button"
              aria-label=${t.removeEmail(email)}
              aria-describedby="chip-keys-${box.key}"
              tabindex=${at === stop ? 0 : -1}
              @click=${() => this.#removeEmail(box.key, j)}
              @keydown=${(e: KeyboardEvent) => this.#onChipKeydown(box.key, shown, at, e)}
            >
              ✕
            </button>
          </li>`;
        })}
      </ul>
      ${shown.length ? html`<p class="visually-hidden" id="chip-keys-${box.key}">${t.chipKeys}</p>` : nothing}
      ${hidden ? html`<p class="hint" part="chips-more">${t.moreAddresses(hidden)}</p>` : nothing}`;
  }

  protected renderCsv() {
    const t = this.#section.t;
    const people = this.csvPeople;
    return html`<div class="csv">
      <label class="file"
        ><span part="button csv-button">${t.csvChoose}</span>
        <input
          type="file"
          part="csv-input"
          accept=".csv,text/csv,text/plain"
          class="visually-hidden"
          @change=${(e: Event) => this.#readFile((e.target as HTMLInputElement).files?.[0])}
        />
      </label>
      <span class="hint">${t.csvDrop}</span>
      ${
        people && this.#csv
          ? this.#csv.renderCsvPreview({
              t,
              people,
              states: this.#planned().extra,
              reasons: { ...this.#labels(), invalid: t.resultInvalid, missing: t.csvRowNoEmail },
              onCancel: () => this.#cancelCsv(),
              onLeaveOut: () => this.#leaveOut(),
              onAdd: () => this.#addCsv(),
            })
          : nothing
      }
    </div>`;
  }

  /** The seats the boxes need by the server's rule, and a shortfall the server reported or the preview foresees. */
  #seatOutlook() {
    const seats = this.#section.seats;
    const { seatsNeeded } = this.#planned();
    const short =
      this.shortfall ?? (seats && seatsNeeded > seats.available ? { seats, required: seatsNeeded } : undefined);
    return { seats, seatsNeeded, short };
  }

  /** The preview's words, read out once typing pauses rather than at every keystroke. */
  #previewText() {
    const t = this.#section.t;
    const { seats, seatsNeeded, short } = this.#seatOutlook();
    if (!seats || this.results || !seatsNeeded) return '';
    const preview = t.seatPreview(seatsNeeded, seats.available);
    return short && !this.shortfall ? `${preview} ${t.errorSeats(short.required, short.seats.available)}` : preview;
  }

  #announced = '';

  /** Reads the seat preview out when its words changed, once typing pauses. */
  #announcePreview() {
    const text = this.open ? this.#previewText() : '';
    if (text === this.#announced) return;
    this.#announced = text;
    // During a send the status line says how far it is; the preview's counts, changing with each request, are not read.
    if (text && !this.#section.busy) this.#section.announcer.announce(text, PREVIEW_PAUSE_MS);
  }

  protected renderPreview() {
    const t = this.#section.t;
    const { seats, seatsNeeded, short } = this.#seatOutlook();
    const words = short
      ? `${t.errorSeats(short.required, short.seats.available)} ${t.seatShortfall(short.seats.pending, short.seats.expired)}`
      : '';
    // A refusal from the server is a new alert, read at once; the preview is read out after a pause
    // (#announcePreview). The buttons stay the same elements either way, so focus on them is kept.
    return html`<div class="preview ${short ? 'short' : ''}" part="seat-preview">
      ${seats ? html`<p>${t.seatPreview(seatsNeeded, seats.available)}</p>` : nothing}
      ${words && this.shortfall ? html`<p role="alert">${words}</p>` : words ? html`<p>${words}</p>` : nothing}
      ${
        short?.seats.expired
          ? html`<div class="actions start">
              <button part="button show-expired-button" @click=${this.#showExpired}>${t.showExpired}</button>
              <button class="danger" part="button remove-expired-button" @click=${this.#removeExpired}>
                ${t.removeExpiredN(short.seats.expired)}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  /** What each result status is called, in the results and beside a flagged CSV row. */
  #labels(): Record<InviteResult['status'], string> {
    const t = this.#section.t;
    return {
      invited: t.resultInvited,
      already_invited: t.resultAlreadyInvited,
      already_member: t.resultAlreadyMember,
      deactivated_member: t.resultDeactivated,
      invalid_email: t.resultInvalid,
      duplicate: t.resultDuplicate,
    };
  }

  protected renderResults() {
    const t = this.#section.t;
    const label = this.#labels();
    const results = this.results ?? [];
    const [summary, created] = this.#resultsWords();
    const shown = shownIndexes(results.length, (i) => results[i]?.status !== 'invited');
    const hidden = results.length - shown.length;
    return html`<section part="results" aria-labelledby="results-title">
        <h3 id="results-title" tabindex="-1">${t.results}</h3>
        ${created ? html`<p part="results-subgroups">${created}</p>` : nothing}
        <table>
          <caption>
            ${summary}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.colEmail}</th>
              <th scope="col">${t.colStatus}</th>
              <th scope="col"><span class="visually-hidden">${t.colActions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${shown.map((i) => {
              const r = results[i];
              return r
                ? html`<tr part="result result-${r.status}">
                    <td id="result-${i}">${r.email}</td>
                    <td><span class="badge ${r.status}">${label[r.status]}</span></td>
                    <td>${this.#resultAction(r, i)}</td>
                  </tr>`
                : nothing;
            })}
          </tbody>
        </table>
        ${hidden ? html`<p class="hint" part="results-more">${t.moreAddresses(hidden)}</p>` : nothing}
      </section>
      <div class="actions">
        <button part="button invite-more-button" @click=${this.#inviteMore}>${t.inviteMore}</button>
        <button class="primary" part="button done-button" @click=${() => this.close()}>${t.done}</button>
      </div>`;
  }

  /** Resend for an already invited address; Reactivate for a deactivated member while a seat is free. */
  #resultAction(r: InviteResult, i: number) {
    const t = this.#section.t;
    if (r.status === 'already_invited' && r.invitation) {
      const invitation = r.invitation;
      return this.resent.has(invitation.id)
        ? html`<span>${t.resent}</span>`
        : html`<button
            class="link"
            part="button resend-button"
            aria-describedby="result-${i}"
            @click=${() => this.#resend(invitation)}
          >
            ${t.resend}
          </button>`;
    }
    if (r.status !== 'deactivated_member' || !r.memberId) return nothing;
    if (this.reactivated.has(r.memberId)) return html`<span>${t.resultReactivated}</span>`;
    if (!this.#section.seats?.available) return nothing;
    return html`<button
      class="link"
      part="button reactivate-button"
      aria-describedby="result-${i}"
      @click=${() => this.#reactivate(r)}
    >
      ${t.reactivate}
    </button>`;
  }
}
