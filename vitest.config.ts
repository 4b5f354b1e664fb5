import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    // Property tests and the LibreOffice round trip do real work; 2-core CI machines are slow.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
