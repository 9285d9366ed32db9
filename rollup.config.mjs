// The self-contained files for a <script type="module"> tag: the widget (with the SDK,
// lit and zod inside; languages other than English load on demand from locales/, the two
// dialogs from chunks/),
// the SDK alone, and the mock API for plain pages (msw inside, its worker script beside
// it). The npm build is tsc's (tsconfig.build.json).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyTemplates from 'rollup-plugin-minify-template-literals';

const plugins = () => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
  // conservativeCollapse: whitespace between text and an element stays one space ("Active users (10)", not "users(10)").
  minifyTemplates({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: { minifyOptions: { conservativeCollapse: true } },
  }),
  terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
];

// zod's own sources trip these two warnings; they are not ours to fix.
const onwarn = (warning, warn) => {
  if (
    ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code) &&
    /node_modules/.test(warning.id ?? warning.ids?.[0] ?? '')
  )
    return;
  warn(warning);
};

// msw's worker must match the msw bundled in mock-api.js: copy it from the same install.
const mswWorker = () => ({
  name: 'msw-worker',
  async generateBundle() {
    const source = await readFile(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url), 'utf8');
    this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source });
  },
});

// A build replaces the hashed files of the one before: once written, what chunks/ and locales/ hold
// that this build did not write is deleted, so no stale chunk is shipped or served. Nothing else in
// dist/ is touched (tsc, the OpenAPI script and cem write there after rollup).
const removeStaleChunks = (folders) => ({
  name: 'remove-stale-chunks',
  async writeBundle(options, bundle) {
    for (const folder of folders) {
      const files = await readdir(join(options.dir, folder)).catch(() => []);
      const stale = files.filter((file) => !(`${folder}/${file}` in bundle));
      await Promise.all(stale.map((file) => rm(join(options.dir, folder, file), { recursive: true })));
    }
  },
});

export default [
  {
    input: { 'manage-users': 'src/cdn.ts' },
    // Lazy chunks import what they share (lit, the plural helper) from the widget itself, not from a split chunk.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) =>
        (chunk.facadeModuleId?.includes('/src/strings/') ? 'locales' : 'chunks') + '/[name]-[hash].js',
    },
    plugins: [...plugins(), removeStaleChunks(['chunks', 'locales'])],
    onwarn,
  },
  { input: 'sdk/index.ts', output: { file: 'dist/sdk.js', format: 'es', sourcemap: true }, plugins: plugins(), onwarn },
  {
    input: { 'mock-api': 'mocks/start-mock-api.ts' },
    output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', inlineDynamicImports: true },
    plugins: [...plugins(), mswWorker()],
    onwarn,
  },
];
