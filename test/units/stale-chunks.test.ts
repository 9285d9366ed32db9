/**
 * The widget's build replaces the hashed chunks and locales of an earlier build: what it did not
 * write there is deleted, and nothing else in the output folder (where tsc, the OpenAPI script
 * and cem write too) is touched.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup, type OutputOptions } from 'rollup';
import configs from '../../rollup.config.mjs';

describe('the widget build', () => {
  it('leaves in chunks/ and locales/ only the files it wrote, and the rest of dist/ as it was', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'manage-users-build-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await mkdir(join(dir, 'chunks'));
    await mkdir(join(dir, 'locales'));
    await writeFile(join(dir, 'chunks', 'invite-dialog-OLDHASH1.js'), '');
    await writeFile(join(dir, 'locales', 'es-OLDHASH1.js'), '');
    await writeFile(join(dir, 'openapi.json'), '{}');

    const widget = configs[0]!;
    const bundle = await rollup({ ...widget, onwarn: () => {} });
    const { output: written } = await bundle.write({ ...(widget.output as OutputOptions), dir });
    await bundle.close();

    const onDisk = async (folder: string) => (await readdir(join(dir, folder))).map((file) => `${folder}/${file}`);
    const files = [...(await onDisk('chunks')), ...(await onDisk('locales'))].sort();
    const wrote = written.map((file) => file.fileName).filter((name) => /^(chunks|locales)\//.test(name));
    assert.deepEqual(files, wrote.sort());
    assert.ok(files.some((file) => /^chunks\/invite-dialog-[\w-]+\.js$/.test(file)));
    assert.deepEqual((await readdir(dir)).sort(), [
      'chunks',
      'locales',
      'manage-users.js',
      'manage-users.js.map',
      'openapi.json',
    ]);
  });
});
