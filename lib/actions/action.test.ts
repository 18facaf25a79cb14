// The action wrapper on its own: access first, argument schemas, AWS refusals on fields, unexpected errors, Next's signals.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { notFound, redirect } from "next/navigation";
import { ConsoleError } from "@/lib/aws/errors";
import { INVALID_FORM, action, arg, form, nameTaken } from "./action";

const access = vi.hoisted(() => ({ refusal: null as Error | null }));
vi.mock("@/lib/auth/session", () => ({
  assertAccess: async () => {
    if (access.refusal) throw access.refusal;
  },
}));

const nameForm = z.object({ name: z.string().min(1, "Enter a name."), size: z.number().int("Whole numbers only.") });
const idArg = arg(z.string().regex(/^gw-\d+$/), "That is not a gateway id.");
const conflict = (fieldList: { name: string; message: string }[] = []) =>
  new ConsoleError("conflict", "Could not create the gateway. A gateway named a already exists.", "ConflictException", fieldList);

let logged: unknown[][];
beforeEach(() => {
  access.refusal = null;
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
});
afterEach(() => vi.restoreAllMocks());

describe("the access check", () => {
  it("refuses before any argument is parsed or the handler runs", async () => {
    access.refusal = new ConsoleError("access-denied", "Sign in first.", "AccessRefused");
    const parser = vi.fn((v: unknown) => v);
    const handler = vi.fn(async () => ({ ok: true as const, data: 1 }));
    const act = action(form(z.unknown().transform(parser)), arg(z.string().transform(parser))).handle(handler);
    expect(await act({ name: "a" }, "b")).toEqual({ ok: false, message: "Sign in first.", errorName: "AccessRefused", fieldErrors: {} });
    expect(parser).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("arguments", () => {
  it("puts a form's issues on its fields under one sentence, and never echoes the values", async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: 1 }));
    const r = await action(form(nameForm)).handle(handler)({ name: "", size: 1.5, secret: "hunter2" });
    expect(r).toEqual({ ok: false, message: INVALID_FORM, fieldErrors: { name: "Enter a name.", size: "Whole numbers only." } });
    expect(JSON.stringify(r)).not.toContain("hunter2");
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers a bad plain argument with its sentence (and its field errors), the first bad argument deciding", async () => {
    const act = action(idArg, form(nameForm), arg(z.array(z.string()).optional(), "A scope is not valid.", { scopes: "Use scope names." })).handle(async () => ({ ok: true, data: 1 }));
    expect(await act("nope", { name: "" })).toMatchObject({ ok: false, message: "That is not a gateway id.", fieldErrors: {} });
    expect(await act("gw-1", { name: "" })).toMatchObject({ ok: false, message: INVALID_FORM, fieldErrors: { name: "Enter a name." } });
    expect(await act("gw-1", { name: "a", size: 1 }, [7 as unknown as string])).toEqual({ ok: false, message: "A scope is not valid.", fieldErrors: { scopes: "Use scope names." } });
  });

  it("uses the schema's own message when the argument has no sentence", async () => {
    const act = action(arg(z.string().trim().min(1, "Enter a discovery URL."))).handle(async () => ({ ok: true, data: 1 }));
    expect(await act("  ")).toMatchObject({ ok: false, message: "Enter a discovery URL." });
  });

  it("hands the handler the parsed values, and lets trailing optional arguments be left out", async () => {
    const handler = vi.fn(async ([id, values, page]: [string, { name: string; size: number }, string | undefined]) => ({ ok: true as const, data: `${id}:${values.name}:${page}` }));
    const act = action(idArg, form(nameForm.transform((v) => ({ ...v, name: v.name.toUpperCase() }))), arg(z.string().optional())).handle(handler);
    expect(await act("gw-7", { name: "orders", size: 2 })).toEqual({ ok: true, data: "gw-7:ORDERS:undefined" });
  });
});

describe("failures", () => {
  it("keeps a ConsoleError's message and AWS name, with its field list placed by the action", async () => {
    const fields = vi.fn((err: ConsoleError, [values]: [{ name: string; size: number }]) => ({ [`${values.name}.${err.fieldList[0].name}`]: err.fieldList[0].message }));
    const act = action(form(nameForm)).handle(
      async () => {
        throw new ConsoleError("validation", "AWS rejected the request to create the gateway.", "ValidationException", [{ name: "roleArn", message: "Not an ARN." }]);
      },
      { fields },
    );
    expect(await act({ name: "orders", size: 1 })).toEqual({
      ok: false,
      message: "AWS rejected the request to create the gateway.",
      errorName: "ValidationException",
      fieldErrors: { "orders.roleArn": "Not an ARN." },
    });
  });

  it("puts a taken name at the field the action names, with its sentence", async () => {
    const taken = nameTaken({ field: "name", message: "A gateway with this name already exists." }, { field: "newRoleName", awsName: "EntityAlreadyExistsException", message: "A role with this name already exists." });
    const fields = vi.fn(() => ({ _form: "placed by fields" }));
    const act = action(arg(z.instanceof(Error))).handle(
      async ([err]) => {
        await Promise.reject(err).catch(taken);
        return { ok: true, data: 1 };
      },
      { fields },
    );
    expect(await act(conflict())).toEqual({ ok: false, message: conflict().message, errorName: "ConflictException", fieldErrors: { name: "A gateway with this name already exists." } });
    expect(fields).not.toHaveBeenCalled();
    const iam = new ConsoleError("conflict", "Could not create the role.", "EntityAlreadyExistsException");
    expect(await act(iam)).toMatchObject({ fieldErrors: { newRoleName: "A role with this name already exists." } });
    // A conflict AWS already placed on a field of its own is not a duplicate name: the action's mapping places it.
    expect(await act(conflict([{ name: "roleArn", message: "busy" }]))).toMatchObject({ fieldErrors: { _form: "placed by fields" } });
    expect(await act(new ConsoleError("conflict", "Gateway gw-1 is being deleted", "DeleteConflictException"))).toMatchObject({ fieldErrors: { _form: "placed by fields" } });
  });

  it("checks a name-taken rule's condition", async () => {
    const taken = nameTaken({ field: "name", message: "Taken.", when: (e) => /exists/.test(e.message) });
    const act = action(arg(z.instanceof(Error))).handle(async ([err]) => Promise.reject(err).catch(taken));
    expect(await act(conflict())).toMatchObject({ fieldErrors: { name: "Taken." } });
    expect(await act(new ConsoleError("conflict", "Gateway gw-1 is being deleted", "ConflictException"))).toMatchObject({ fieldErrors: {} });
  });

  it("answers anything else with a generic sentence and logs it, without the details reaching the browser", async () => {
    const act = action().handle(async () => {
      throw new TypeError("cannot read properties of undefined (reading 'secretArn')");
    });
    const r = await act();
    expect(r).toEqual({ ok: false, message: "Something went wrong on the server. Try again.", fieldErrors: {} });
    expect(JSON.stringify(r)).not.toContain("secretArn");
    expect(logged).toEqual([["[action] unexpected failure:", "cannot read properties of undefined (reading 'secretArn')"]]);
  });

  it("lets Next's redirect and notFound signals through", async () => {
    await expect(action().handle(async () => redirect("/gateways"))()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    await expect(action().handle(async () => notFound())()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    expect(logged).toEqual([]);
  });
});

describe("what a multi-step action already made", () => {
  const made = { created: ["role orders-role (arn:aws:iam::1:role/orders-role)"], roleArn: "arn:aws:iam::1:role/orders-role" };

  it("comes back with any failure after it was recorded, and is explained when the action asks", async () => {
    const fails = (explainProvisioned: boolean) =>
      action().handle(
        async (_, ctx) => {
          ctx.provisioned = made;
          throw new ConsoleError("server", "AWS had an internal error.", "InternalServerException");
        },
        { explainProvisioned },
      );
    expect(await fails(false)()).toEqual({ ok: false, message: "AWS had an internal error.", errorName: "InternalServerException", fieldErrors: {}, provisioned: made });
    expect(await fails(true)()).toMatchObject({
      message: "AWS had an internal error. Already created: role orders-role (arn:aws:iam::1:role/orders-role). Submitting again reuses it.",
      provisioned: made,
    });
  });

  it("is not attached to a success or to a failure before anything was made", async () => {
    expect(await action().handle(async () => ({ ok: false, message: "No.", fieldErrors: {} }))()).toEqual({ ok: false, message: "No.", fieldErrors: {} });
    const ok = await action().handle(async (_, ctx) => {
      ctx.provisioned = made;
      return { ok: true, data: 1 };
    })();
    expect(ok).toEqual({ ok: true, data: 1 });
  });
});
