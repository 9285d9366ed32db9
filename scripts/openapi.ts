/** Writes the OpenAPI document generated from the schemas to dist/openapi.json. */
import { mkdir, writeFile } from 'node:fs/promises';
import { openApiDocument } from '../api/http/openapi.ts';

const target = new URL('../dist/openapi.json', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, `${JSON.stringify(openApiDocument({ demo: false }), null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
