// The tools an inline OpenAPI document or Smithy model gives: one per operation.
import { parseApiDocument } from "@/formats/api-document";
import { HeaderRow, Table, TBody, Td, Tr } from "@/components/ui/table";

export function OperationsTable({ text, kind }: { text: string; kind: "openapi" | "smithy" }) {
  if (kind === "smithy") {
    const r = parseApiDocument(text, "smithy");
    if (!r.ok) return <p className="text-sm text-muted-foreground">The model could not be read: {r.message}</p>;
    return (
      <Table aria-label="Tools">
        <HeaderRow columns={["Operation"]} />
        <TBody>
          {r.summary.operations.map((op) => (
            <Tr key={op}>
              <Td className="font-mono text-xs">{op.split("#").pop()}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    );
  }
  const r = parseApiDocument(text, "openapi");
  if (!r.ok) return <p className="text-sm text-muted-foreground">The document could not be read: {r.message}</p>;
  return (
    <div className="space-y-2">
      <Table aria-label="Tools">
        <HeaderRow columns={["Tool (operationId)", "Request", "Summary"]} />
        <TBody>
          {r.summary.operations.map((op) => (
            <Tr key={`${op.method} ${op.path}`}>
              <Td className="font-mono text-xs font-medium">{op.operationId ?? <span className="text-warning">no operationId</span>}</Td>
              <Td className="font-mono text-xs">
                {op.method} {op.path}
              </Td>
              <Td>{op.summary ?? ""}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {r.warnings.length ? (
        <ul className="list-disc pl-5 text-xs text-warning">
          {r.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
