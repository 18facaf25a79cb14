"use client";
// Drives a Cognito quick create from the browser, one server action per phase, so each step's progress shows and a stop can resume.
import { useRef, useState } from "react";
import { cleanupQuickCreateAction, finishQuickCreateAction, quickCreatePhaseAction, quickCreatePoolAction } from "@/lib/actions/identity";
import type { CleanupReport } from "@/lib/models/identity";
import type { FieldErrors } from "@/lib/schemas/form-errors";
import {
  quickCreateFailed,
  quickCreateSchema,
  stepDone,
  type QuickCreateFormValues,
  type QuickCreateReport,
  type QuickCreateResult,
  type QuickCreateStep,
} from "@/lib/schemas/cognito";

/** How long the browser keeps asking for the domain to become ACTIVE before it offers Resume. */
const DOMAIN_DEADLINE_MS = 5 * 60_000;

/**
 * The report with the form's values for the steps that are not done yet (e.g. another domain prefix after
 * "already associated with another user pool"); what exists already keeps the names it was made with.
 */
export function withEditedInput(report: QuickCreateReport, values: QuickCreateFormValues): QuickCreateReport {
  const parsed = quickCreateSchema.safeParse(values);
  if (!parsed.success) return report;
  const v = parsed.data;
  const input = { ...report.input };
  if (!stepDone(report, "domain")) input.domainPrefix = v.domainPrefix;
  if (!stepDone(report, "resourceServer")) {
    input.resourceServerIdentifier = v.resourceServerIdentifier;
    input.resourceServerName = v.resourceServerName;
    input.scopes = v.scopes;
  }
  if (!stepDone(report, "client")) input.clientName = v.clientName;
  return { ...report, input };
}

export type QuickCreateFailure = { message: string; errorName?: string; fieldErrors?: FieldErrors };

export function useQuickCreate() {
  const [report, setReport] = useState<QuickCreateReport | null>(null);
  const [running, setRunning] = useState<QuickCreateStep[]>([]);
  const [result, setResult] = useState<QuickCreateResult | null>(null);
  const [failure, setFailure] = useState<QuickCreateFailure | null>(null);
  const [cleanup, setCleanup] = useState<CleanupReport | null>(null);
  const [busy, setBusy] = useState<"create" | "cleanup" | null>(null);
  const [domainWaitStarted, setDomainWaitStarted] = useState<number | null>(null);
  const busyRef = useRef(false);

  /** Runs the phases still missing from `start`; returns when done or stopped. */
  async function drive(start: QuickCreateReport) {
    let r = start;
    const apply = (next: QuickCreateReport) => {
      r = next;
      setReport(next);
      return !quickCreateFailed(next);
    };
    const phase = async (p: "domainAndResourceServer" | "client" | "domainActive", steps: QuickCreateStep[]) => {
      setRunning(steps);
      const res = await quickCreatePhaseAction(r, p);
      if (!res.ok) {
        setFailure({ message: res.message, errorName: res.errorName });
        return false;
      }
      return apply(res.data);
    };

    const firstPair = (["domain", "resourceServer"] as const).filter((s) => !stepDone(r, s));
    if (firstPair.length && !(await phase("domainAndResourceServer", firstPair))) return;
    if (!stepDone(r, "client") && !(await phase("client", ["client"]))) return;
    const deadline = Date.now() + DOMAIN_DEADLINE_MS;
    setDomainWaitStarted(Date.now());
    while (!stepDone(r, "domainActive")) {
      if (!(await phase("domainActive", ["domainActive"]))) return;
      if (!stepDone(r, "domainActive") && Date.now() > deadline) {
        apply({ ...r, errors: { ...r.errors, domainActive: { message: `The domain is still ${r.domainStatus ?? "not ACTIVE"} after 5 minutes. Resume to keep waiting.`, errorName: "Timeout" } } });
        return;
      }
    }
    setRunning([]);
    const fin = await finishQuickCreateAction(r);
    if (!fin.ok) return setFailure({ message: fin.message, errorName: fin.errorName });
    setResult(fin.data);
  }

  async function guarded(kind: "create" | "cleanup", body: () => Promise<void>) {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(kind);
    setFailure(null);
    try {
      await body();
    } catch {
      setFailure({ message: "The console could not reach its server. Check that it is running, then Resume." });
    } finally {
      busyRef.current = false;
      setBusy(null);
      setRunning([]);
    }
  }

  return {
    report,
    running,
    result,
    failure,
    cleanup,
    busy,
    domainWaitStarted,
    /** Validates and creates the pool, then everything else. */
    start: (values: QuickCreateFormValues) =>
      guarded("create", async () => {
        setCleanup(null);
        setResult(null);
        setRunning(["pool"]);
        const res = await quickCreatePoolAction(values);
        if (!res.ok) return setFailure({ message: res.message, errorName: res.errorName, fieldErrors: res.fieldErrors });
        setReport(res.data);
        await drive(res.data);
      }),
    /** Carries on from the report: done steps are kept, failed ones retried (with the form's values for steps not done yet). */
    resume: (values?: QuickCreateFormValues) =>
      guarded("create", async () => {
        if (!report) return;
        const next = values ? withEditedInput(report, values) : report;
        setReport(next);
        await drive(next);
      }),
    /** Deletes what the stopped quick create made. */
    cleanUp: () =>
      guarded("cleanup", async () => {
        if (!report) return;
        const res = await cleanupQuickCreateAction(report);
        if (!res.ok) return setFailure({ message: res.message, errorName: res.errorName });
        setCleanup(res.data);
        setReport(null);
      }),
  };
}

export type QuickCreateApi = ReturnType<typeof useQuickCreate>;
