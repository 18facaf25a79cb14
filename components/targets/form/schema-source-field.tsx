"use client";
// A schema given inline (typed, pasted or uploaded from a file) or as an S3 object, with its validation messages.
import { Upload } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { INLINE_DOCUMENT_MAX_BYTES, type TargetFormValues } from "@/lib/schemas/target";
import type { ZodFormApi } from "@/components/forms/use-zod-form";

// Files up to twice the limit are read (the field then says how large they are); larger ones are not even loaded.
const LARGEST_FILE_READ = 2 * INLINE_DOCUMENT_MAX_BYTES;

export function SchemaSourceField({
  base,
  label,
  inlineHint,
  placeholder,
  accept,
  form,
}: {
  /** Which of the target form's schema sources this field edits. */
  base: "lambda" | "openApi" | "smithy";
  label: string;
  inlineHint: ReactNode;
  placeholder?: string;
  accept: string;
  form: ZodFormApi<TargetFormValues>;
}) {
  const { errors, set, bind } = form;
  const value = form.values[base];
  const uploadId = useId();
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const id = base.replace(/\./g, "-");
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{label} source</legend>
        <div className="flex gap-4 text-sm">
          {(["inline", "s3"] as const).map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="radio" name={`${id}-source`} checked={value.source === s} onChange={() => set(`${base}.source`, s)} />
              {s === "inline" ? "Inline (paste or upload)" : "Amazon S3 object"}
            </label>
          ))}
        </div>
      </fieldset>
      {value.source === "inline" ? (
        <>
          <Field id={`${id}-inline`} label={label} error={errors[`${base}.inline`]} hint={inlineHint}>
            {(p) => (
              <Textarea
                {...p}
                rows={14}
                spellCheck={false}
                className="font-mono text-xs whitespace-pre"
                placeholder={placeholder}
                {...bind(`${base}.inline`)}
              />
            )}
          </Field>
          <div>
            <label htmlFor={uploadId} className="inline-flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-xs hover:bg-accent focus-within:ring-2 focus-within:ring-ring">
              <Upload className="size-3.5" aria-hidden="true" /> Upload a file
              <input
                id={uploadId}
                type="file"
                accept={accept}
                className="sr-only"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  e.target.value = "";
                  if (file.size > LARGEST_FILE_READ) {
                    setUploadProblem(`${file.name} is ${(file.size / 1_000_000).toFixed(1)} MB; AgentCore accepts inline documents up to ${INLINE_DOCUMENT_MAX_BYTES / 1_000_000} MB. Upload it to Amazon S3 and choose the S3 source instead.`);
                    return;
                  }
                  setUploadProblem(null);
                  const text = await file.text();
                  set(`${base}.inline`, text);
                }}
              />
            </label>
            {uploadProblem ? (
              <p role="alert" className="mt-1 text-xs text-destructive">
                {uploadProblem}
              </p>
            ) : null}
          </div>
        </>
      ) : (
        <div className="grid grid-cols-[2fr_1fr] gap-4">
          <Field id={`${id}-s3-uri`} label="S3 URI" required error={errors[`${base}.s3Uri`]}>
            {(p) => (
              <Input
                {...p}
                placeholder="s3://my-bucket/schemas/tools.json"
                {...bind(`${base}.s3Uri`)}
              />
            )}
          </Field>
          <Field id={`${id}-bucket-owner`} label="Bucket owner account" error={errors[`${base}.bucketOwner`]} hint="When the bucket is in another account.">
            {(p) => <Input {...p} inputMode="numeric" {...bind(`${base}.bucketOwner`)} />}
          </Field>
        </div>
      )}
    </div>
  );
}
