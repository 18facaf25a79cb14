// A radio button drawn as a card with a label and a one-line hint, for the "pick one kind" choices of the forms.
import type { ReactNode } from "react";

export function RadioCard({
  name,
  value,
  checked,
  disabled,
  onChange,
  label,
  hint,
}: {
  name: string;
  value?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: () => void;
  label: ReactNode;
  hint: ReactNode;
}) {
  return (
    <label className="flex cursor-pointer gap-2 rounded-md border p-3 text-sm has-[:checked]:border-ring has-[:checked]:bg-accent has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70">
      <input type="radio" name={name} value={value} className="mt-0.5" checked={checked} disabled={disabled} onChange={onChange} />
      <span>
        <span className="block font-medium">{label}</span>
        <span className="block text-xs text-muted-foreground">{hint}</span>
      </span>
    </label>
  );
}
