import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { StatementExplanations } from "./statement-explanations";

const explanations = [
  { sid: "InvokeLambdaTargets", why: "the Lambda targets' functions" },
  { sid: "ReadSchemas", why: "the S3 tool schemas" },
];
const statements = [
  { Sid: "InvokeLambdaTargets", Effect: "Allow" as const, Action: "lambda:InvokeFunction", Resource: "arn:aws:lambda:us-east-1:123456789012:function:f" },
  { Sid: "ReadSchemas", Effect: "Allow" as const, Action: ["s3:GetObject"], Resource: "arn:aws:s3:::b/k" },
];

describe("StatementExplanations", () => {
  it("marks only the statement granting the highlighted action", () => {
    const html = renderToStaticMarkup(<StatementExplanations explanations={explanations} statements={statements} highlight="lambda:InvokeFunction" />);
    expect(html.match(/aria-current="true"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-current="true"[^>]*>.*InvokeLambdaTargets/);
    expect(html).toContain("grants lambda:InvokeFunction");
  });

  it("says so when no statement grants it, and marks nothing without a highlight", () => {
    expect(renderToStaticMarkup(<StatementExplanations explanations={explanations} statements={statements} highlight="kms:Decrypt" />)).toContain("No statement here grants");
    expect(renderToStaticMarkup(<StatementExplanations explanations={explanations} statements={statements} />)).not.toContain("aria-current");
  });
});
