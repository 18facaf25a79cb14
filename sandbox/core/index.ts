// Public entry of the sandbox core.
export * from "./constants";
export * from "./types";
export { createSandbox, createSandboxCore, credentialScope, type Sandbox, type SandboxCore, type SandboxOptions, type InProcessRequestHandler } from "./server";
export { Store, writeFileAtomic } from "./store";
export { Faults, parseFaultConfig, faultConfigFromEnv, type FaultConfig, type FaultRule, type FaultType } from "./faults";
export { ServiceModel, loadModel } from "./model";
export { validateShape, summarize, type FieldError } from "./validate";
export { startTransition, statusAt, type Transition } from "./lifecycle";
