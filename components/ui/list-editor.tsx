"use client";
// An editable list of strings: one labelled input per row, add and remove buttons, an error per row.
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export function ListEditor({
  id,
  label,
  itemLabel,
  hint,
  values,
  errors,
  listError,
  placeholder,
  onChange,
  onBlur,
}: {
  id: string;
  label: string;
  itemLabel: string;
  hint?: string;
  values: string[];
  errors: (string | undefined)[];
  listError?: string;
  placeholder?: string;
  onChange: (values: string[]) => void;
  onBlur?: () => void;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const listErrorId = listError ? `${id}-error` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={[listErrorId, hintId].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium">{label}</legend>
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {values.map((value, i) => {
        const rowId = `${id}-${i}`;
        const err = errors[i];
        return (
          <div key={i} className="space-y-1">
            <div className="flex items-center gap-2">
              <label htmlFor={rowId} className="sr-only">
                {`${itemLabel} ${i + 1}`}
              </label>
              <Input
                id={rowId}
                value={value}
                placeholder={placeholder}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? `${rowId}-error` : undefined}
                onChange={(e) => onChange(values.map((v, j) => (j === i ? e.target.value : v)))}
                onBlur={onBlur}
              />
              <Button variant="ghost" size="icon" aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`} onClick={() => onChange(values.filter((_, j) => j !== i))}>
                <X aria-hidden="true" />
              </Button>
            </div>
            {err ? (
              <p id={`${rowId}-error`} className="text-xs font-medium text-destructive">
                {err}
              </p>
            ) : null}
          </div>
        );
      })}
      <Button variant="outline" size="sm" onClick={() => onChange([...values, ""])}>
        <Plus aria-hidden="true" /> Add {itemLabel.toLowerCase()}
      </Button>
      {listError ? (
        <p id={listErrorId} className="text-xs font-medium text-destructive">
          {listError}
        </p>
      ) : null}
    </fieldset>
  );
}
