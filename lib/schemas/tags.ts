// The gateway tag editor's schema (the same on the page and in the action): the model's key/value constraints, unique keys.
import { z } from "zod";
import { TAGS_MAX } from "./constraints";
import { tagSchema } from "./gateway";

export type Tag = { key: string; value: string };

export const gatewayTagsSchema = z
  .array(tagSchema)
  .max(TAGS_MAX, `A gateway can have at most ${TAGS_MAX} tags.`)
  .superRefine((tags, ctx) => {
    const seen = new Map<string, number>();
    tags.forEach((t, i) => {
      if (seen.has(t.key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `The key ${t.key} is already used by tag ${seen.get(t.key)! + 1}.` });
      else seen.set(t.key, i);
    });
  });
