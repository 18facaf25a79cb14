// A table of decoded name/value pairs (token claims, headers): the name as the row heading, the value as monospace JSON.
import type { ReactNode } from "react";
import { HeaderRow, Table, TBody, Td, Th, Tr } from "./table";

/** `after` adds something beside a value (for example a readable time for a timestamp claim). */
export function KeyValueTable({
  label,
  keyHeading,
  values,
  after,
}: {
  label: string;
  keyHeading: string;
  values: Record<string, unknown>;
  after?: (key: string, value: unknown) => ReactNode;
}) {
  return (
    <Table aria-label={label}>
      <HeaderRow columns={[keyHeading, "Value"]} />
      <TBody>
        {Object.entries(values).map(([k, v]) => (
          <Tr key={k}>
            <Th scope="row" className="h-auto py-2 font-mono text-xs text-foreground">
              {k}
            </Th>
            <Td className="py-2">
              <code className="break-all font-mono text-xs">{typeof v === "string" ? v : JSON.stringify(v)}</code>
              {after?.(k, v)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
