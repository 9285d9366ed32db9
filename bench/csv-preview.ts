/**
 * The invite dialog's CSV work for a 20,000-row file, in Node: reading the people, counting
 * the boxes they fill (the preview), adding them to the boxes and judging every chip.
 */
import { performance } from 'node:perf_hooks';
import { readPeople } from '../src/invite-dialog/csv.ts';
import { addPeople, boxCount, chipStates, newBox } from '../src/invite-dialog/boxes.ts';

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
    boxCount(people);
    const previewed = performance.now();
    chipStates(addPeople([newBox('learner')], people));
    preview.push(previewed - start);
    add.push(performance.now() - previewed);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[2]!.toFixed(0);
  console.log(`\nCSV of ${ROWS.toLocaleString('en')} rows in the invite dialog (Node, median of 5), ms`);
  console.log(`  preview (read + count boxes) ${median(preview)}   add to boxes + judge every chip ${median(add)}`);
}
