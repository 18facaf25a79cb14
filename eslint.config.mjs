import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The walls of the house (../shared/DESIGN.md). Zones compare resolved files, so `@/lib/aws/x` and `../../lib/aws/x` are
// the same import; type-only imports count too, so components take read models from lib/models instead.
const PROJECT = ["./app", "./components", "./lib", "./sandbox", "./formats", "./scripts", "./test", "./e2e", "./proxy.ts"];
const except = (...allowed) => PROJECT.filter((p) => !allowed.includes(p));

export const walls = [
  {
    target: "./components",
    from: "./lib/aws",
    message: "Components never read AWS: a page or layout in app/ loads the data and passes it as props; types come from lib/models.",
  },
  { target: "./lib/schemas", from: ["./lib/aws", "./lib/actions"], message: "Schemas are shared with the browser: they import neither lib/aws nor lib/actions." },
  { target: "./lib/policies", from: "./lib/aws", message: "Policies are pure functions: no lib/aws." },
  { target: "./lib/models", from: "./lib/aws", message: "Read models are plain types that lib/aws returns, not the other way round." },
  {
    target: "./sandbox",
    from: except("./sandbox", "./formats"),
    message: "The sandbox stands alone, like AWS: it imports only sandbox/ and formats/.",
  },
  { target: "./formats", from: except("./formats"), message: "formats/ is pure and shared by both sides: it imports nothing of the project." },
  { target: "./lib", from: "./sandbox", message: "The console knows the sandbox only as an endpoint (AWS_ENDPOINT_URL*); shared formats live in formats/." },
  { target: except("./e2e"), from: "./e2e", message: "Nothing imports the Playwright suite." },
];

const sdk = { group: ["@aws-sdk/*"], message: "Only lib/aws talks to the AWS SDK." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { rules: { "import/no-restricted-paths": ["error", { zones: walls }] } },
  {
    files: ["components/**", "app/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ ...sdk, allowTypeImports: false }] }] },
  },
  {
    // Read models may name the SDK's nested configuration structures (erased at build), never load the SDK.
    files: ["lib/models/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ ...sdk, allowTypeImports: true }] }] },
  },
  {
    files: ["formats/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { ...sdk, message: "formats/ is pure: no SDK." },
            { group: ["next", "next/*", "server-only", "react", "react-dom"], message: "formats/ is pure: no Next, no React." },
            { group: ["node:*", "fs", "fs/*", "net", "http", "https", "child_process"], message: "formats/ is pure: no I/O." },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
