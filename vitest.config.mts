// Two suites: fast unit tests beside the code, and integration tests that drive the real SDK over HTTP.
import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // lib/aws modules are server-only in Next; the tests import them directly.
      "server-only": fileURLToPath(new URL("./test/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{formats,lib,sandbox,components,scripts}/**/*.test.{ts,tsx}", "test/{walls,parity}/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
    // Tests that do not choose an audit log write to a throwaway one, never the developer's .data/audit.log.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", CONSOLE_AUDIT_LOG: path.join(os.tmpdir(), `agc-vitest-audit-${process.pid}.log`) },
  },
});
