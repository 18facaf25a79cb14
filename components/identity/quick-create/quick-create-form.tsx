"use client";
// Quick-create Cognito for a gateway: prefilled names checked as you type, then each provisioning step's progress and the result.
import { Zap } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { issuesToFieldErrors } from "@/lib/schemas/form-errors";
import {
  quickCreateFailed,
  quickCreateSchema,
  splitScopes,
  stepDone,
  type QuickCreateFormValues,
  type QuickCreateReport,
  type QuickCreateStep,
} from "@/lib/schemas/cognito";
import { Button } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorCallout } from "@/components/ui/error-callout";
import { QuickCreateProgress } from "./quick-create-progress";
import { CleanupDone, QuickCreateResultView, QuickCreateStopped } from "./quick-create-result";
import { useQuickCreate } from "./use-quick-create";

type Key = keyof QuickCreateFormValues;

const FIELDS: { key: Key; label: string; hint: (v: QuickCreateFormValues) => string }[] = [
  { key: "poolName", label: "User pool name", hint: () => "Up to 128 letters, digits, spaces and + = , . @ _ -." },
  {
    key: "domainPrefix",
    label: "Domain prefix",
    hint: (v) => `The token endpoint's host: ${v.domainPrefix || "prefix"}.auth.<region>.amazoncognito.com. Lowercase, unique in the region; no aws, amazon or cognito.`,
  },
  { key: "resourceServerIdentifier", label: "Resource server identifier", hint: () => "Scopes are named identifier/scope, e.g. agentcore-gateway/invoke." },
  { key: "resourceServerName", label: "Resource server name", hint: () => "A display name." },
  {
    key: "scopes",
    label: "Scopes",
    hint: (v) => `Separated by spaces. The client gets ${splitScopes(v.scopes).map((s) => `${v.resourceServerIdentifier}/${s}`).join(", ") || "no scope"}.`,
  },
  { key: "clientName", label: "App client name", hint: () => "A confidential client with the client-credentials grant and a secret." },
];

/** The step that creates what each field names (the pool name is only editable before anything exists). */
const FIELD_STEP: Partial<Record<Key, QuickCreateStep>> = {
  domainPrefix: "domain",
  resourceServerIdentifier: "resourceServer",
  resourceServerName: "resourceServer",
  scopes: "resourceServer",
  clientName: "client",
};

/** AWS errors that are about the value the user chose (a taken domain prefix, a refused name), not a passing fault. */
const INPUT_ERROR = /InvalidParameter|ScopeDoesNotExist|InvalidOAuthFlow|LimitExceeded|AlreadyExists/;

/** A failed step's AWS error, shown at its field while the field still holds the value that failed. */
function stepFieldError(report: QuickCreateReport | null, key: Key, values: QuickCreateFormValues): string | undefined {
  const step = FIELD_STEP[key];
  const e = step ? report?.errors[step] : undefined;
  if (!report || !e || !INPUT_ERROR.test(e.errorName ?? "")) return undefined;
  const failed = key === "scopes" ? report.input.scopes.join(" ") : report.input[key];
  const now = key === "scopes" ? splitScopes(values.scopes).join(" ") : values[key].trim();
  return failed === now ? `${e.message} Change it and resume.` : undefined;
}

export function QuickCreateForm({ initial }: { initial: QuickCreateFormValues }) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Set<Key>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const qc = useQuickCreate();
  const formRef = useRef<HTMLFormElement>(null);

  const clientErrors = useMemo(() => {
    const r = quickCreateSchema.safeParse(values);
    return r.success ? {} : issuesToFieldErrors(r.error.issues);
  }, [values]);
  const serverErrors = qc.failure?.fieldErrors ?? {};
  const errorFor = (k: Key) => ((submitted || touched.has(k)) && clientErrors[k]) || serverErrors[k] || stepFieldError(qc.report, k, values);
  const locked = qc.busy !== null || qc.report !== null || qc.result !== null;
  const stopped = qc.report !== null && qc.busy === null && !qc.result && (quickCreateFailed(qc.report) || qc.failure !== null);
  // A stopped quick create can take other names for what it has not made yet, then resume with them.
  const editable = (k: Key) => {
    const step = FIELD_STEP[k];
    return !locked || Boolean(stopped && qc.report && step && !stepDone(qc.report, step));
  };
  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  function resume() {
    setSubmitted(true);
    if (Object.keys(clientErrors).some((k) => editable(k as Key))) {
      focusFirstInvalid();
      return;
    }
    void qc.resume(values);
  }

  function submit() {
    setSubmitted(true);
    if (Object.keys(clientErrors).length) {
      focusFirstInvalid();
      return;
    }
    void qc.start(values);
  }

  return (
    <div className="max-w-4xl space-y-6">
      <form
        ref={formRef}
        noValidate
        aria-label="Quick create Cognito"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TitledCard title="What to create" contentClassName="space-y-5">
          {qc.failure && !qc.report ? <ErrorCallout title="Nothing was created" message={qc.failure.message} errorName={qc.failure.errorName} /> : null}
          <div className="grid gap-5 md:grid-cols-2">
            {FIELDS.map((f) => (
              <Field key={f.key} id={`qc-${f.key}`} label={f.label} required error={errorFor(f.key) || undefined} hint={f.hint(values)}>
                {(p) => (
                  <Input
                    {...p}
                    autoComplete="off"
                    spellCheck={false}
                    readOnly={!editable(f.key)}
                    value={values[f.key]}
                    onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                    onBlur={() => setTouched((t) => new Set(t).add(f.key))}
                  />
                )}
              </Field>
            ))}
          </div>
          {locked ? null : (
            <Button type="submit">
              <Zap aria-hidden="true" /> Create Cognito for a gateway
            </Button>
          )}
        </TitledCard>
      </form>

      {qc.report || qc.busy ? (
        <TitledCard title="Progress" contentClassName="space-y-4">
          <QuickCreateProgress report={qc.report} running={qc.running} domainWaitStarted={qc.domainWaitStarted} />
          {qc.failure && qc.report ? <ErrorCallout title="A step could not run" message={qc.failure.message} errorName={qc.failure.errorName} /> : null}
          {stopped && qc.report ? <QuickCreateStopped report={qc.report} busy={qc.busy} onResume={resume} onCleanUp={qc.cleanUp} /> : null}
        </TitledCard>
      ) : null}
      {qc.cleanup ? <CleanupDone cleanup={qc.cleanup} /> : null}
      {qc.result ? <QuickCreateResultView result={qc.result} /> : null}
    </div>
  );
}
