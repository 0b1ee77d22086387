import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { lessonsAsJson } from './scripts/vite-lessons-json.js';

export default defineConfig({
  plugins: [lessonsAsJson(), svelte()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // tests wait for conditions; the limit only catches hangs. The first test of a file also
    // loads the machine's modules, which takes seconds on a busy 2-core CI machine.
    testTimeout: 20_000,
  },
});
