// The tools an inline tool schema declares, with their inputs, as a readable table.
import { describeTools, validateToolSchemaText } from "@/lib/schemas/tool-schema";
import { HeaderRow, Table, TBody, Td, Tr } from "@/components/ui/table";

export function ToolsTable({ toolsJson }: { toolsJson: string }) {
  const parsed = validateToolSchemaText(toolsJson);
  if (!parsed.ok) return <p className="text-sm text-muted-foreground">The tool schema could not be read: {parsed.problems[0]?.message}</p>;
  const rows = describeTools(parsed.tools);
  return (
    <Table aria-label="Tools">
      <HeaderRow columns={["Tool", "Description", "Inputs"]} />
      <TBody>
        {rows.map((t) => (
          <Tr key={t.name}>
            <Td className="font-mono text-xs font-medium">{t.name}</Td>
            <Td>{t.description}</Td>
            <Td>
              {t.inputs.length === 0 ? (
                <span className="text-muted-foreground">none</span>
              ) : (
                <ul className="space-y-0.5">
                  {t.inputs.map((i) => (
                    <li key={i.name} className="text-xs">
                      <code className="font-mono">{i.name}</code> <span className="text-muted-foreground">{i.type}</span>
                      {i.required ? <span className="ml-1 text-warning">required</span> : null}
                      {i.description ? <span className="text-muted-foreground"> — {i.description}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
