/**
 * The invite dialog's CSV preview, loaded when a file is first chosen: the file's people,
 * the rows that would get no new invitation with the reason, and adding them to the boxes.
 */
import { html, nothing } from 'lit';
import type { Messages } from '../strings/index.ts';
import type { ChipState } from './boxes.ts';
import { boxCount, type CsvPerson } from './csv.ts';

export { addPeople, boxCount, readPeople } from './csv.ts';

export interface CsvPreview {
  t: Messages;
  people: CsvPerson[];
  /** What sending each row would do, by the server's rule (`planBoxes`'s `extra`). */
  states: ChipState[];
  /** What a flagged row's state is called (`missing`: a row with no email address). */
  reasons: Record<string, string>;
  onCancel: () => void;
  onLeaveOut: () => void;
  onAdd: () => void;
}

/** The file's rows before they join the boxes: those that would get no new invitation are flagged, with why. */
export function renderCsvPreview({ t, people, states, reasons, onCancel, onLeaveOut, onAdd }: CsvPreview) {
  const stateOf = (person: CsvPerson, i: number) => (person.email ? states[i] : 'missing');
  const flagged = people.flatMap((person, i) => (states[i] === 'valid' ? [] : [{ person, state: stateOf(person, i) }]));
  const shown = flagged.length ? flagged.slice(0, 10) : people.slice(0, 5).map((person) => ({ person, state: '' }));
  const addresses = people.filter((person) => person.email).length;
  const summary = t.csvPreview(addresses, boxCount(people));
  return html`<div class="csv-preview" part="csv-preview" role="group" aria-label=${summary}>
    <p>${summary}</p>
    ${flagged.length ? html`<p id="csv-flagged">${t.csvFlagged(flagged.length)}</p>` : nothing}
    <table>
      <thead>
        <tr>
          <th scope="col">${t.colEmail}</th>
          <th scope="col">${t.colType}</th>
          <th scope="col">${t.colSubgroup}</th>
          ${flagged.length ? html`<th scope="col">${t.colStatus}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          ({ person, state }) =>
            html`<tr part=${state ? 'csv-row-flagged' : 'csv-row'}>
              <td>${person.email || t.none}</td>
              <td>${person.role === 'admin' ? t.admin : t.learner}</td>
              <td>${person.subgroup || t.none}</td>
              ${state ? html`<td>${reasons[state]}</td>` : nothing}
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      (flagged.length || people.length) > shown.length
        ? html`<p class="hint">${t.moreRows((flagged.length || people.length) - shown.length)}</p>`
        : nothing
    }
    <div class="actions">
      <button part="button" @click=${onCancel}>${t.cancel}</button>
      ${
        flagged.length
          ? html`<button part="button csv-leave-out-button" aria-describedby="csv-flagged" @click=${onLeaveOut}>
              ${t.csvLeaveOut(flagged.length)}
            </button>`
          : nothing
      }
      <button class="primary" part="button csv-add-button" @click=${onAdd}>${t.csvAdd}</button>
    </div>
  </div>`;
}
