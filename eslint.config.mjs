// ESLint for the TypeScript in src/, dialogs/, tests/ and bench/ (typescript-eslint's type-checked
// rules) and for our few plain JavaScript files. Formatting is Prettier's job (eslint-config-prettier,
// last, turns off every rule that would fight it). `npm run lint` / `npm test` run it with zero warnings.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  },
  // Node scripts in CommonJS: the jest configs and `npm start`'s build check.
  {
    files: ['*.js', 'src/cli/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  // The chat page's own script runs in the browser.
  {
    files: ['src/web/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['eslint.config.mjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
