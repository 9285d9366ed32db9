// The self-contained files for a <script type="module"> tag: the widget (with the SDK,
// lit, ky and zod inside; languages other than English load on demand from locales/)
// and the SDK alone. The npm build is tsc's (tsconfig.build.json).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyTemplates from 'rollup-plugin-minify-template-literals';

const plugins = () => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
  minifyTemplates({ include: ['src/**/*.ts'], failOnError: true }),
  terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
];

// zod's own sources trip these two warnings; they are not ours to fix.
const onwarn = (warning, warn) => {
  if (['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code) && /node_modules/.test(warning.id ?? warning.ids?.[0] ?? '')) return;
  warn(warning);
};

export default [
  {
    input: { 'manage-users': 'src/define.ts' },
    output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'locales/[name]-[hash].js' },
    plugins: plugins(),
    onwarn,
  },
  { input: 'sdk/index.ts', output: { file: 'dist/sdk.js', format: 'es', sourcemap: true }, plugins: plugins(), onwarn },
];
