import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `npm run test:consumers`: round trips through real external tools (SUMO); not part of `npm test`. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['consumers/**/*.consumer.test.ts'],
    testTimeout: 600_000,
  },
});
