// Lint: typescript-eslint's recommended rules, React's rules of hooks, and the house's boundaries as import rules
// (who may import whom; docs/NOTES.md "Boundaries"). MDX chapters are checked by chapters/boundaries.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noAppOrChapters = [
  { regex: '(^|/)app/', message: 'Engines and tasks run in workers: they import nothing from app/.' },
  { regex: '(^|/)chapters/', message: 'Engines and tasks import nothing from chapters/.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'e2e/screenshots/**', 'workers/tasks.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Short-circuit calls and ternaries are used on purpose in a few tight loops.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'chapters/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Engines are pure numerics: nothing above them (no tasks, no app, no chapters, no UI libraries).
    files: ['workers/engines/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'comlink', 'd3'],
          patterns: [
            ...noAppOrChapters,
            { regex: '(^|/)tasks(\\.generated)?(\\.ts)?$|(^|/)tasks/|runTask', message: 'Engines import nothing from the task layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['workers/tasks/**/*.ts', 'workers/tasks.ts', 'workers/runTask.ts', 'workers/sim.worker.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: noAppOrChapters }] },
  },
  {
    // A chapter is its prose and its figures: it uses app/ and engines, takes only types from the worker's tasks
    // (they run in the worker), and imports no other chapter.
    files: ['chapters/*/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!\\.\\./)', message: 'Chapters do not import each other: move what two chapters share into app/ or workers/engines/.' },
            {
              regex: '(^|/)workers/tasks(?!.*&code$)',
              allowTypeImports: true,
              message: 'Chapters take only types from workers/tasks (tasks run in the worker).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    // computeInProcess.ts runs tasks in-process for the figure snapshot tests and the prerenderer (app/server/); it
    // is never part of the page.
    ignores: ['**/*.test.{ts,tsx}', 'app/figure/snapshot.tsx', 'app/figure/computeInProcess.ts', 'app/server/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)chapters/', message: 'The shell does not import chapters (they are loaded by the router).' },
            { regex: '(^|/)workers/tasks', allowTypeImports: true, message: 'The page takes only types from workers/tasks.' },
          ],
        },
      ],
    },
  },
);
