import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUPPORTED, extract } from "./extract-models";

const modelsDir = path.resolve(__dirname, "..", process.env.AWS_MODELS_DIR ?? "../shared/aws-models");

describe("extract-models", () => {
  it("the committed extracts list exactly the supported operations, without documentation", () => {
    for (const [name, { operations }] of Object.entries(SUPPORTED)) {
      const model = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "sandbox", "models", `${name}.json`), "utf8"));
      const service = Object.values(model.shapes as Record<string, { type: string; operations?: { target: string }[] }>).find((s) => s.type === "service")!;
      expect(service.operations!.map((o) => o.target.split("#")[1])).toEqual(operations);
      expect(JSON.stringify(model)).not.toContain("smithy.api#documentation");
    }
  });

  it.skipIf(!fs.existsSync(modelsDir))("is a closed, up-to-date extract of the source models", () => {
    for (const [name, { file, operations }] of Object.entries(SUPPORTED)) {
      const source = JSON.parse(fs.readFileSync(path.join(modelsDir, file), "utf8"));
      const result = extract(source, operations);
      const committed = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "sandbox", "models", `${name}.json`), "utf8"));
      expect(committed).toEqual(result);
      for (const shape of Object.values(result.shapes)) {
        const refs = [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value, shape.input, shape.output, ...(shape.errors ?? [])];
        for (const ref of refs) if (ref && !ref.target.startsWith("smithy.api#")) expect(result.shapes[ref.target]).toBeDefined();
      }
    }
  });
});
