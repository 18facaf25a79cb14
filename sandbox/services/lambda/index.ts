// Lambda service definition (moto "urls"): restJson1 routes from the model, function processes tied to the sandbox's life.
import fs from "node:fs";
import { loadModel } from "../../core/model";
import { ServiceError, type SandboxResponse, type ServiceDefinition } from "../../core/types";
import { lambdaOperations, validationException } from "./responses";
import { SERVICE_NAME, codeRoot, initialState, lambdaState, removeTempRoot, zipPath } from "./models";
import { dropRuntime, runtimeFor } from "./runtime";

export { invokeFunction, type InvokeOptions, type InvokeOutcome } from "./invoke";

const json = (status: number, body: unknown): SandboxResponse => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export function lambdaService(): ServiceDefinition {
  return {
    name: SERVICE_NAME,
    signingName: "lambda",
    protocol: "restJson1",
    model: loadModel("lambda"),
    operations: lambdaOperations,
    initialState,
    // botocore (the AWS CLI) sends /2015-03-31/functions/ where the SDK sends /2015-03-31/functions; Lambda takes both.
    trailingSlashOptional: true,
    skipValidation: ["CreateFunction"],
    validationError: (fields) => validationException(fields),
    parseError: (message) => new ServiceError("InvalidRequestContentException", message, { fields: { Type: "User" } }),
    attach(store, env) {
      runtimeFor(store, env.log);
    },
    async close(store) {
      await dropRuntime(store)?.close();
      removeTempRoot(store);
    },
    async reset(store) {
      await runtimeFor(store).close(false);
      fs.rmSync(codeRoot(store), { recursive: true, force: true });
    },
    httpRoutes: [
      {
        // GetFunction's Code.Location: the deployment package, as the presigned S3 URL serves it.
        method: "GET",
        path: "/_sandbox/lambda/code/:region/:file",
        handler(_req, ctx) {
          const name = ctx.params.file.replace(/\.zip$/, "");
          const fn = lambdaState(ctx.store).regions[ctx.params.region]?.functions[name];
          if (!fn) return json(404, { message: `no function ${name} in ${ctx.params.region}` });
          try {
            return { status: 200, headers: { "content-type": "application/zip" }, body: fs.readFileSync(zipPath(ctx.store, ctx.params.region, fn)) };
          } catch {
            return json(404, { message: "the package is missing from the data folder" });
          }
        },
      },
      {
        // The sandbox's stand-in for CloudWatch Logs: the last 64 KB a function wrote (START/END/REPORT included).
        method: "GET",
        path: "/_sandbox/lambda/functions/:name/logs",
        handler(req, ctx) {
          const region = req.query.get("region") ?? "us-east-1";
          const fn = lambdaState(ctx.store).regions[region]?.functions[ctx.params.name];
          if (!fn) return json(404, { message: `no function ${ctx.params.name} in ${region}` });
          return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: runtimeFor(ctx.store).functionLog(fn.FunctionArn) };
        },
      },
    ],
  };
}
