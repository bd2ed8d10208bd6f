// Lint enforces the dependency direction of DESIGN.md: ui → core, host → core,
// electron → host → core. Nothing imports upward; core imports no platform.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const platformModules = ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'electron', 'react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'howler', 'ws', 'fastify', '@fastify/*'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report', 'bench/results.json', 'bench/results.smoke.json', 'bench/.build'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: restrict(
      [...platformModules, '**/host/**', '**/ui/**', '**/electron/**'],
      'src/core is pure: it may not import a platform, src/host, src/ui or electron/.',
    ),
  },
  {
    files: ['src/host/**/*.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '**/ui/**', '**/electron/**'], 'src/host runs in plain Node: no Electron, no UI.'),
  },
  {
    // The meeting's dictionaries are keyed by ids people chose: read them through own() (core/dict.ts),
    // which never returns a member every object inherits (toString, constructor, __proto__). In the
    // views too: there such a member is a function where a view expects an entry or nothing, and it
    // draws a wrong count, or nothing at all (tests/e2e/inherited-names.spec.ts).
    files: ['src/core/**/*.ts', 'src/host/**/*.ts', 'src/ui/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[computed=true][property.type!="Literal"][object.type="MemberExpression"][object.property.name=/^(ballots|paper|windows|openedAt|status|records|claims|submitted|reviewers|pending|refused|paced)$/]',
          message: 'Read a dictionary keyed by ids with own(dict, key) from core/dict.ts: an id may name an inherited member.',
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['node:*', 'fs', 'path', 'electron', 'ws', 'fastify', '**/host/**', '**/electron/**'], 'src/ui runs in a browser and speaks to the host only through the protocol.'),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(['react', 'react-dom', '**/ui/**'], 'electron/ is the shell: it starts the host and opens windows, it does not render.'),
  },
  {
    // The shell's logic talks to Electron only through the Platform (electron/platform.ts), so its
    // whole flow runs in the integration test without Electron.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/electron-platform.ts', 'electron/preload.ts', 'electron/**/*.test.ts'],
    rules: restrict(['react', 'react-dom', '**/ui/**', 'electron'], 'Only main.ts, electron-platform.ts and the preload import Electron; the shell uses the Platform interface.'),
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
