// Server-only Lambda operations for Lambda targets: list the account's functions and, in the sandbox, create a starter function.
import "server-only";
import { CreateFunctionCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { strToU8, zipSync } from "fflate";
import { lambda } from "./clients";
import { getBackend } from "./config";
import { ConsoleError, toConsoleError } from "./errors";
import { createRole, getRole } from "./iam";

export type FunctionSummary = { name: string; arn: string; runtime?: string; description?: string; lastModified?: string };
export type StarterTool = { name: string; description: string; inputSchema: Record<string, unknown> };

/** The role starter functions run as: Lambda's own (basic) role, not the gateway's execution role. */
export const STARTER_LAMBDA_ROLE = "AgentCoreStarterLambdaRole";

/** Every function of the account and region, following ListFunctions' markers (at most 2000). */
export async function listFunctions(region: string): Promise<FunctionSummary[]> {
  const out: FunctionSummary[] = [];
  let marker: string | undefined;
  try {
    do {
      const page = await lambda(region).send(new ListFunctionsCommand({ Marker: marker, MaxItems: 50 }));
      for (const f of page.Functions ?? []) {
        if (f.FunctionName && f.FunctionArn) out.push({ name: f.FunctionName, arn: f.FunctionArn, runtime: f.Runtime, description: f.Description, lastModified: f.LastModified });
      }
      marker = page.NextMarker;
    } while (marker && out.length < 2000);
  } catch (err) {
    throw toConsoleError(err, "list the Lambda functions");
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The tools of a starter function: what its handler answers, in the gateway's inline tool schema form. */
export const STARTER_TOOLS: StarterTool[] = [
  {
    name: "echo",
    description: "Answers with the message it was given and the tool name the gateway sent.",
    inputSchema: { type: "object", properties: { message: { type: "string", description: "Any text" } }, required: ["message"] },
  },
  {
    name: "add",
    description: "Adds two numbers.",
    inputSchema: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } }, required: ["a", "b"] },
  },
];

/**
 * The starter handler: the gateway sends the tool name as `TARGET___TOOL` in clientContext.custom.bedrockAgentCoreToolName,
 * so the handler strips the prefix before choosing what to answer.
 */
export const STARTER_HANDLER = `// A starter tool function for an AgentCore gateway Lambda target.
exports.handler = async (event, context) => {
  const custom = (context.clientContext && context.clientContext.custom) || {};
  const prefixed = custom.bedrockAgentCoreToolName || "";
  // The gateway prefixes the tool name with the target name and three underscores.
  const tool = prefixed.includes("___") ? prefixed.slice(prefixed.indexOf("___") + 3) : prefixed;
  switch (tool) {
    case "echo":
      return { tool, message: event.message };
    case "add":
      return { tool, sum: Number(event.a) + Number(event.b) };
    default:
      return { tool, arguments: event, note: "This starter function has no case for this tool yet." };
  }
};
`;

async function ensureStarterRole(region: string): Promise<string> {
  const existing = await getRole(region, STARTER_LAMBDA_ROLE);
  if (existing) return existing.roleArn;
  const role = await createRole(region, {
    roleName: STARTER_LAMBDA_ROLE,
    description: "Basic execution role of the console's starter Lambda functions",
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] },
  });
  return role.roleArn;
}

/** Creates a Node.js function with the starter handler (sandbox only: on AWS the console does not deploy code). */
export async function createStarterFunction(region: string, name: string): Promise<{ functionArn: string; tools: StarterTool[] }> {
  if (getBackend() !== "sandbox") {
    throw new ConsoleError("validation", "Starter functions are made in the sandbox only; on AWS, deploy your function and pick it from the list.", "SandboxOnly");
  }
  const roleArn = await ensureStarterRole(region);
  try {
    const out = await lambda(region).send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: "nodejs22.x",
        Handler: "index.handler",
        Role: roleArn,
        Description: "Starter tools for an AgentCore gateway (echo, add)",
        Timeout: 10,
        Code: { ZipFile: zipSync({ "index.js": strToU8(STARTER_HANDLER) }) },
      }),
    );
    if (!out.FunctionArn) throw new Error("CreateFunction returned no ARN");
    return { functionArn: out.FunctionArn, tools: STARTER_TOOLS };
  } catch (err) {
    throw toConsoleError(err, `create the function ${name}`);
  }
}
