// ESLint (flat config): correctness and house rules. Layout is Prettier's job (.prettierrc.json),
// so eslint-config-prettier comes last and switches off every rule that would fight it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'docs/api/', 'coverage/', '.screenshots/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  comments.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A rule is switched off only with a written reason: `// eslint-disable-next-line rule -- why`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      // Whole-file disables are allowed, with their reason, at the top of the file.
      '@eslint-community/eslint-comments/disable-enable-pair': ['error', { allowWholeFile: true }],
    },
  },
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The "casts and tricks": comma operators hide a second statement.
      'no-sequences': 'error',
      // A `let` read by a callback before its one assignment (a server's port is known only
      // after listening) cannot be a `const`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Same convention as tsc's noUnusedParameters: a leading _ marks a deliberately unused one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            // node:test's describe/it return promises that the runner itself awaits.
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
            // @open-wc/semantic-dom-diff types chai's `equal` as a promise for its `.dom` form;
            // `expect(x).to.equal(y)` is synchronous.
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: ['Equal', 'equal'] },
          ],
        },
      ],
      // Tests read response bodies (`await response.json()` is `any`) and assert on them;
      // the assertion is their type check. The shipped code keeps all five rules.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Test doubles implement async interfaces (getToken, hashPassword, a store method) with
      // bodies that have nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/elements/**/*.ts', 'test/browser/**/*.ts'],
    // chai's property assertions (`expect(x).to.exist`, `.to.be.true`) are bare expressions.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/**/*.ts', 'test/elements/**/*.ts', 'bench/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/elements/**/*.ts', 'bench/**/*.ts'],
    ...wc.configs['flat/best-practice'],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  {
    files: ['src/**/*.ts', 'test/elements/**/*.ts', 'bench/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    // The house rules for the shipped code (see BRIEF and CONTRIBUTING.md).
    files: ['api/**/*.ts', 'src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-depth': ['error', 4],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The examples import the built package (dist/npm), which does not exist before `npm run build`
    // (a fresh clone lints first), and .vue files typescript-eslint cannot read. Their types are
    // checked after the build by tsc and vue-tsc (test/e2e/examples.test.ts); here, the rules without types.
    files: ['examples/**/*.ts', 'examples/**/*.tsx'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain JavaScript (config files, the demo page's script): outside tsconfig, no types to check.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
