// Extracts from the Smithy JSON AST models only the shapes the sandbox serves, into sandbox/models/.
import fs from "node:fs";
import path from "node:path";

type Json = Record<string, unknown>;
interface Shape {
  type: string;
  traits?: Json;
  members?: Record<string, { target: string; traits?: Json }>;
  member?: { target: string; traits?: Json };
  key?: { target: string; traits?: Json };
  value?: { target: string; traits?: Json };
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
  operations?: { target: string }[];
  resources?: { target: string }[];
  [k: string]: unknown;
}

/** The operations the sandbox implements (or is about to), per service extract name. */
export const SUPPORTED: Record<string, { file: string; operations: string[] }> = {
  "bedrock-agentcore-control": {
    file: "bedrock-agentcore-control-2023-06-05.json",
    operations: [
      "CreateGateway", "GetGateway", "ListGateways", "UpdateGateway", "DeleteGateway",
      "CreateGatewayTarget", "GetGatewayTarget", "ListGatewayTargets", "UpdateGatewayTarget",
      "DeleteGatewayTarget", "SynchronizeGatewayTargets",
      "CreateApiKeyCredentialProvider", "GetApiKeyCredentialProvider", "ListApiKeyCredentialProviders",
      "UpdateApiKeyCredentialProvider", "DeleteApiKeyCredentialProvider",
      "CreateOauth2CredentialProvider", "GetOauth2CredentialProvider", "ListOauth2CredentialProviders",
      "UpdateOauth2CredentialProvider", "DeleteOauth2CredentialProvider",
      "TagResource", "UntagResource", "ListTagsForResource",
    ],
  },
  "cognito-identity-provider": {
    file: "cognito-identity-provider-2016-04-18.json",
    operations: [
      "CreateUserPool", "ListUserPools", "DescribeUserPool", "DeleteUserPool",
      "CreateResourceServer", "ListResourceServers", "DescribeResourceServer",
      "CreateUserPoolClient", "DescribeUserPoolClient", "ListUserPoolClients", "DeleteUserPoolClient",
      "CreateUserPoolDomain", "DescribeUserPoolDomain", "DeleteUserPoolDomain",
    ],
  },
  iam: {
    file: "iam-2010-05-08.json",
    operations: [
      "CreateRole", "GetRole", "ListRoles", "DeleteRole", "UpdateAssumeRolePolicy",
      "PutRolePolicy", "GetRolePolicy", "ListRolePolicies", "DeleteRolePolicy",
      "AttachRolePolicy", "DetachRolePolicy", "ListAttachedRolePolicies", "TagRole",
      "CreatePolicy", "GetPolicy", "GetPolicyVersion", "DeletePolicy",
    ],
  },
  lambda: {
    file: "lambda-2015-03-31.json",
    operations: [
      "CreateFunction", "GetFunction", "ListFunctions", "UpdateFunctionCode", "DeleteFunction", "Invoke",
      "AddPermission", "GetPolicy", "RemovePermission",
    ],
  },
};

const DROPPED_TRAITS = /^(smithy\.api#documentation|smithy\.rules#|smithy\.api#examples$)/;

function cleanTraits(traits: Json | undefined): Json | undefined {
  if (!traits) return undefined;
  const out: Json = {};
  for (const [k, v] of Object.entries(traits)) if (!DROPPED_TRAITS.test(k)) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

function cleanShape(shape: Shape): Shape {
  const copy: Shape = { ...shape };
  const traits = cleanTraits(shape.traits);
  if (traits) copy.traits = traits;
  else delete copy.traits;
  for (const ref of ["member", "key", "value"] as const) {
    const r = shape[ref];
    if (r) {
      const t = cleanTraits(r.traits);
      copy[ref] = t ? { target: r.target, traits: t } : { target: r.target };
    }
  }
  if (shape.members) {
    copy.members = {};
    for (const [name, m] of Object.entries(shape.members)) {
      const t = cleanTraits(m.traits);
      copy.members[name] = t ? { target: m.target, traits: t } : { target: m.target };
    }
  }
  return copy;
}

export function extract(model: { smithy: string; shapes: Record<string, Shape> }, operations: string[]) {
  const shapes = model.shapes;
  const serviceEntry = Object.entries(shapes).find(([, s]) => s.type === "service");
  if (!serviceEntry) throw new Error("model has no service shape");
  const [serviceId, service] = serviceEntry;
  const ns = serviceId.split("#")[0];
  const out: Record<string, Shape> = {};
  const queue: string[] = [];
  const visit = (id: string | undefined) => {
    if (!id || id.startsWith("smithy.api#") || out[id] || queue.includes(id)) return;
    if (!shapes[id]) throw new Error(`shape ${id} not found`);
    queue.push(id);
  };
  for (const op of operations) {
    const id = `${ns}#${op}`;
    if (shapes[id]?.type !== "operation") throw new Error(`operation ${id} not found`);
    visit(id);
  }
  while (queue.length) {
    const id = queue.shift()!;
    const shape = shapes[id];
    out[id] = cleanShape(shape);
    visit(shape.input?.target);
    visit(shape.output?.target);
    for (const e of shape.errors ?? []) visit(e.target);
    for (const m of Object.values(shape.members ?? {})) visit(m.target);
    visit(shape.member?.target);
    visit(shape.key?.target);
    visit(shape.value?.target);
  }
  const svc = cleanShape(service);
  delete svc.resources;
  svc.operations = operations.map((op) => ({ target: `${ns}#${op}` }));
  for (const e of service.errors ?? []) visit(e.target);
  const sorted: Record<string, Shape> = { [serviceId]: svc };
  for (const id of Object.keys(out).sort()) sorted[id] = out[id];
  return { smithy: model.smithy, shapes: sorted };
}

function main() {
  const root = path.resolve(__dirname, "..");
  const src = path.resolve(root, process.env.AWS_MODELS_DIR ?? "../shared/aws-models");
  const dest = path.join(root, "sandbox", "models");
  fs.mkdirSync(dest, { recursive: true });
  for (const [name, { file, operations }] of Object.entries(SUPPORTED)) {
    const model = JSON.parse(fs.readFileSync(path.join(src, file), "utf8"));
    const result = extract(model, operations);
    const target = path.join(dest, `${name}.json`);
    fs.writeFileSync(target, JSON.stringify(result, null, 1) + "\n");
    console.log(`${name}: ${Object.keys(result.shapes).length} shapes, ${operations.length} operations → ${path.relative(root, target)}`);
  }
}

if (require.main === module) main();
