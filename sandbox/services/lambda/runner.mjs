// One Lambda execution environment: a Node.js process that loads a function's handler and runs invocations sent over IPC.
// Plain JavaScript on purpose: the sandbox starts it with `process.execPath` and no loaders, whatever runs the sandbox.
import fs from "node:fs";
import path from "node:path";
import util from "node:util";
import { pathToFileURL } from "node:url";

let config;
let handler;
let current = null;

const send = (msg) => {
  if (process.connected) process.send(msg);
};
const memoryMb = () => Math.round(process.memoryUsage().rss / 1048576);

// Lambda's text log format: time, request id, level, message (what CloudWatch shows for console.* calls).
const LEVELS = { log: "INFO", info: "INFO", warn: "WARN", error: "ERROR", debug: "DEBUG", trace: "TRACE" };
for (const [name, level] of Object.entries(LEVELS)) {
  console[name] = (...args) => send({ type: "log", line: `${new Date().toISOString()}\t${current ?? "undefined"}\t${level}\t${util.format(...args)}` });
}

/** The error as the Node.js runtime reports it: { errorType, errorMessage, trace }. */
function formatted(error) {
  if (error instanceof Error) {
    return { errorType: error.name || error.constructor?.name || "Error", errorMessage: error.message, trace: String(error.stack ?? "").split("\n") };
  }
  if (typeof error === "string") return { errorType: "string", errorMessage: error, trace: [] };
  let message;
  try {
    message = JSON.stringify(error) ?? String(error);
  } catch {
    message = String(error);
  }
  return { errorType: typeof error, errorMessage: message, trace: [] };
}

function runtimeError(errorType, error) {
  const base = formatted(error);
  return { errorType, errorMessage: `${base.errorType}: ${base.errorMessage}`, trace: base.trace };
}

/** "dir/file.export.nested" → the module "dir/file" and the property path "export.nested", as the Node.js runtime splits it. */
async function loadHandler(taskRoot, spec) {
  const slash = spec.lastIndexOf("/");
  const dir = spec.slice(0, slash + 1);
  const rest = spec.slice(slash + 1);
  const dot = rest.indexOf(".");
  if (dot <= 0) throw Object.assign(new Error(`Bad handler ${spec}: missing module name`), { sandboxType: "Runtime.MalformedHandlerName" });
  const moduleName = dir + rest.slice(0, dot);
  const propertyPath = rest.slice(dot + 1).split(".");
  const file = [".js", ".mjs", ".cjs"].map((ext) => path.join(taskRoot, moduleName + ext)).find((f) => fs.existsSync(f));
  if (!file) throw Object.assign(new Error(`Cannot find module '${moduleName}'`), { sandboxType: "Runtime.ImportModuleError" });
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    throw Object.assign(e instanceof Error ? e : new Error(String(e)), { sandboxType: e instanceof SyntaxError ? "Runtime.UserCodeSyntaxError" : "Runtime.ImportModuleError" });
  }
  const walk = (root) => propertyPath.reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), root);
  const fn = walk(mod) ?? walk(mod.default);
  if (typeof fn !== "function") {
    throw Object.assign(new Error(`${rest} is undefined or not exported`), { sandboxType: "Runtime.HandlerNotFound", plain: true });
  }
  return fn;
}

/** Runs the handler: async (a promise) or callback-style (the third argument, or context.done/succeed/fail). */
function run(fn, event, context) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (err, result) => {
      if (settled) return;
      settled = true;
      if (err !== undefined && err !== null) reject(err);
      else resolve(result);
    };
    context.done = callback;
    context.succeed = (result) => callback(null, result);
    context.fail = (err) => callback(err ?? "handled");
    let returned;
    try {
      returned = fn(event, context, callback);
    } catch (e) {
      callback(e);
      return;
    }
    if (returned && typeof returned.then === "function") {
      returned.then(
        (r) => callback(null, r),
        (e) => callback(e ?? new Error("The handler's promise was rejected without a reason")),
      );
    } else if (fn.length < 3) {
      // A synchronous handler without a callback: the runtime ends the invocation with null once the work is done.
      setImmediate(() => callback(null, null));
    }
  });
}

async function invoke(msg) {
  current = msg.requestId;
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: config.functionName,
    functionVersion: config.functionVersion,
    invokedFunctionArn: msg.invokedFunctionArn ?? config.functionArn,
    memoryLimitInMB: String(config.memorySize),
    awsRequestId: msg.requestId,
    logGroupName: config.logGroupName,
    logStreamName: config.logStreamName,
    clientContext: msg.clientContext,
    identity: undefined,
    getRemainingTimeInMillis: () => Math.max(0, msg.deadline - Date.now()),
  };
  try {
    const result = await run(handler, msg.event, context);
    let payload;
    try {
      payload = JSON.stringify(result === undefined ? null : result);
    } catch (e) {
      send({ type: "error", requestId: msg.requestId, error: runtimeError("Runtime.MalformedHandlerResponse", e) });
      return;
    }
    send({ type: "result", requestId: msg.requestId, payload, memory: memoryMb() });
  } catch (e) {
    send({ type: "error", requestId: msg.requestId, error: formatted(e), memory: memoryMb() });
  } finally {
    current = null;
  }
}

process.on("message", async (msg) => {
  if (msg?.type === "init") {
    config = msg.config;
    try {
      handler = await loadHandler(config.taskRoot, config.handler);
      send({ type: "ready" });
    } catch (e) {
      const error = e.plain ? { errorType: e.sandboxType, errorMessage: e.message, trace: [] } : runtimeError(e.sandboxType ?? "Runtime.ImportModuleError", e);
      send({ type: "init-error", error });
    }
  } else if (msg?.type === "invoke") {
    await invoke(msg);
  }
});

// An error nobody caught ends the environment, as in Lambda: the current invocation fails with it.
const fatal = (errorType) => (e) => {
  send({ type: "error", requestId: current, error: runtimeError(errorType, e), fatal: true });
  setImmediate(() => process.exit(129));
};
process.on("uncaughtException", fatal("Runtime.UncaughtException"));
process.on("unhandledRejection", fatal("Runtime.UnhandledPromiseRejection"));
// The sandbox went away (closed or crashed): nothing more will come.
process.on("disconnect", () => process.exit(0));
