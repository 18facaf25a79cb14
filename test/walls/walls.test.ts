// The walls of DESIGN.md are executable: the project's own ESLint config refuses each wrong import and lets the right ones through.
import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const WALL_RULES = ["import/no-restricted-paths", "@typescript-eslint/no-restricted-imports"];

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}/eslint.config.mjs` });
  // The first lint loads the config, the plugins and the TypeScript resolver: do it here, not in the first test's time.
  await eslint.lintText("export {};\n", { filePath: `${root}/components/fixture.ts` });
}, 60_000);

/** The wall rules that fire when `code` is written in `filePath` (which need not exist; its imports must). */
async function walls(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, "the fixture parses").toEqual([]);
  return result.messages.filter((m) => m.ruleId && WALL_RULES.includes(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const value = (from: string, name: string) => `import { ${name} } from "${from}";\nexport const used = ${name};\n`;
const type = (from: string, name: string) => `import type { ${name} } from "${from}";\nexport type Used = ${name};\n`;

describe("walls that must hold", () => {
  it.each([
    ["a component reading AWS", "components/roles/fixture.tsx", value("@/lib/aws/gateways", "listGateways"), /Components never read AWS/],
    ["a component reading AWS by a relative path", "components/roles/fixture.tsx", value("../../lib/aws/iam", "listRolesTrustingAgentCore"), /Components never read AWS/],
    ["a component taking an SDK-shaped type from lib/aws", "components/gateways/fixture.tsx", type("@/lib/aws/gateways", "Gateway"), /Components never read AWS/],
    ["a component importing the SDK", "components/gateways/fixture.tsx", type("@aws-sdk/client-iam", "Role"), /Only lib\/aws talks to the AWS SDK/],
    ["a schema importing lib/aws", "lib/schemas/fixture.ts", value("../aws/errors", "ConsoleError"), /Schemas are shared with the browser/],
    ["a schema importing an action", "lib/schemas/fixture.ts", value("@/lib/actions/result", "ok"), /Schemas are shared with the browser/],
    ["a policy importing lib/aws", "lib/policies/fixture.ts", value("@/lib/aws/iam", "getRole"), /Policies are pure/],
    ["a read model importing lib/aws", "lib/models/fixture.ts", value("@/lib/aws/config", "REGIONS"), /Read models are plain types/],
    ["a read model loading the SDK", "lib/models/fixture.ts", value("@aws-sdk/client-iam", "IAMClient"), /Only lib\/aws talks to the AWS SDK/],
    ["the sandbox importing the console", "sandbox/services/iam/fixture.ts", value("../../../lib/policies/trust-policy", "buildGatewayTrustPolicy"), /The sandbox stands alone/],
    ["the sandbox importing a component", "sandbox/core/fixture.ts", value("@/components/ui/button", "Button"), /The sandbox stands alone/],
    ["the sandbox importing a script", "sandbox/core/fixture.ts", value("../../scripts/start", "main"), /The sandbox stands alone/],
    ["formats importing the console", "formats/fixture.ts", value("@/lib/utils", "cn"), /formats\/ is pure and shared/],
    ["formats importing the sandbox", "formats/fixture.ts", value("../sandbox/services/cognito/jwt", "signJwt"), /formats\/ is pure and shared/],
    ["formats importing Next", "formats/fixture.ts", value("next/headers", "cookies"), /no Next/],
    ["formats doing I/O", "formats/fixture.ts", value("node:fs", "readFileSync"), /no I\/O/],
    ["the console importing the sandbox", "lib/aws/fixture.ts", value("@/sandbox/services/cognito/oidc", "x"), /knows the sandbox only as an endpoint/],
    ["a console test importing the sandbox", "lib/schemas/fixture.test.ts", value("../../sandbox/services/agentcore-control/targets", "OUTBOUND_AUTH"), /knows the sandbox only as an endpoint/],
    ["the console importing e2e", "lib/aws/fixture.ts", value("@/e2e/fixtures", "test"), /Nothing imports the Playwright suite/],
    ["a component importing e2e", "components/ui/fixture.tsx", value("../../e2e/pages/gateway-form", "x"), /Nothing imports the Playwright suite/],
  ])("%s is an error", { timeout: 20_000 }, async (_what, filePath, code, message) => {
    const fired = await walls(filePath, code);
    expect(fired.length, fired.join("\n")).toBeGreaterThan(0);
    expect(fired.join("\n")).toMatch(message);
  });
});

describe("imports the walls allow", () => {
  it.each([
    ["a page loading data through lib/aws", "app/(console)/roles/fixture-page.tsx", value("@/lib/aws/iam", "listRolesTrustingAgentCore")],
    ["a component taking a read model", "components/gateways/fixture.tsx", type("@/lib/models/gateways", "Gateway")],
    ["a component calling a server action", "components/gateways/fixture.tsx", value("@/lib/actions/gateways", "createGatewayAction")],
    ["a read model naming an SDK structure", "lib/models/fixture.ts", type("@aws-sdk/client-bedrock-agentcore-control", "TargetConfiguration")],
    ["lib/aws using the shared formats", "lib/aws/fixture.ts", value("@/formats/cognito-urls", "regionOfPoolId")],
    ["the sandbox using the shared formats", "sandbox/services/cognito/fixture.ts", value("../../../formats/cognito-urls", "sandboxIssuer")],
    ["the sandbox using a package", "sandbox/services/agentcore-control/fixture.ts", value("yaml", "parseDocument")],
    ["formats using a package", "formats/fixture.ts", value("yaml", "parseDocument")],
    ["a parity test importing both sides", "test/parity/fixture.test.ts", value("@/sandbox/services/agentcore-control/targets", "OUTBOUND_AUTH") + value("@/lib/schemas/target", "OUTBOUND_AUTH_BY_TYPE").replace("used", "alsoUsed")],
  ])("%s passes", { timeout: 20_000 }, async (_what, filePath, code) => {
    expect(await walls(filePath, code)).toEqual([]);
  });
});
