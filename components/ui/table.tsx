// Table primitives.
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="w-full overflow-x-auto">
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
export function THead(props: ComponentProps<"thead">) {
  return <thead className="border-b bg-muted/50" {...props} />;
}
export function TBody(props: ComponentProps<"tbody">) {
  return <tbody className="[&_tr:last-child]:border-0" {...props} />;
}
export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b transition-colors hover:bg-muted/40", className)} {...props} />;
}
export function Th({ className, ...props }: ComponentProps<"th">) {
  return <th className={cn("h-10 px-4 text-left align-middle text-xs font-medium text-muted-foreground", className)} {...props} />;
}
export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 align-middle", className)} {...props} />;
}

/** The column headings of a table; `actions` adds a last column named for screen readers only (the rows' buttons). */
export function HeaderRow({ columns, actions = false }: { columns: readonly string[]; actions?: boolean }) {
  return (
    <THead>
      <tr>
        {columns.map((c) => (
          <Th key={c} scope="col">
            {c}
          </Th>
        ))}
        {actions ? (
          <Th scope="col">
            <span className="sr-only">Actions</span>
          </Th>
        ) : null}
      </tr>
    </THead>
  );
}
