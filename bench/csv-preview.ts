/**
 * The invite dialog's CSV work for a 20,000-row file, in Node: reading the people, judging
 * every row by the server's rule (invalid, duplicate, already invited: the preview's flags)
 * and counting the boxes they fill (the preview), then adding them to the boxes and planning
 * every chip again.
 */
import { performance } from 'node:perf_hooks';
import { addPeople, boxCount, readPeople } from '../src/invite-dialog/csv.ts';
import { newBox, planBoxes } from '../src/invite-dialog/boxes.ts';

const ROWS = 20_000;

function csvOf(rows: number): string {
  const lines = ['Name,Email,Role,Subgroup'];
  for (let i = 0; i < rows; i++)
    lines.push(`Person ${i},person${i}@bench.example,${i % 10 ? 'Learner' : 'Admin'},Team ${i % 7}`);
  return lines.join('\n');
}

/** Prints the median of 5 runs of the preview and of adding the file to the boxes. */
export function csvPreview() {
  const text = csvOf(ROWS);
  const preview: number[] = [];
  const add: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const people = readPeople(text) ?? [];
    planBoxes(
      [newBox('learner')],
      undefined,
      people.map((person) => person.email),
    );
    boxCount(people);
    const previewed = performance.now();
    planBoxes(addPeople([newBox('learner')], people));
    preview.push(previewed - start);
    add.push(performance.now() - previewed);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[2]!.toFixed(0);
  console.log(`\nCSV of ${ROWS.toLocaleString('en')} rows in the invite dialog (Node, median of 5), ms`);
  console.log(
    `  preview (read + judge every row + count boxes) ${median(preview)}   add to boxes + plan every chip ${median(add)}`,
  );
}
