// ESLint for the TypeScript in src/, dialogs/, tests/ and bench/ (typescript-eslint's type-checked
// rules) and for our few plain JavaScript files. Formatting is Prettier's job (eslint-config-prettier,
// last, turns off every rule that would fight it). `npm run lint` / `npm test` run it with zero warnings.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UNUSED = {
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default tseslint.config(
  {
    ignores: ['dist/', 'coverage/', 'data/', 'teams/', 'tests/artifacts/', 'bench/results/', 'tests/fixtures/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The house convention: a leading underscore marks a parameter or a left-out property as unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', UNUSED],
      // Bot Framework types Activity.type as a string and names its values in the ActivityTypes enum.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  // botbuilder-dialogs' validators and onRecognize overrides must return promises, most without awaiting.
  {
    files: ['dialogs/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  // better-sqlite3 is synchronous; its repositories implement the same async interfaces as PostgreSQL's.
  {
    files: ['**/sqlite/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  // Tests read JSON bodies and fake objects as `any`, pass mocked methods to expect(), and write async fakes
  // of async interfaces without awaiting anything; the assertions check the shapes at run time.
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js'],
    rules: { 'no-unused-vars': ['error', UNUSED] },
  },
  // Node scripts in CommonJS: the jest configs and `npm start`'s build check.
  {
    files: ['*.js', 'src/cli/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  // The chat page's own script runs in the browser.
  {
    files: ['src/platform/web/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['eslint.config.mjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
