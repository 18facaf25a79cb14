// Records every body the console sends a page (documents, RSC payloads, server action responses) to check none carries a secret.
import { expect, type Page } from "@playwright/test";

export type RecordedResponse = { url: string; action: boolean; body: string };

/**
 * Fetches (RSC payloads and server action calls) go through a route that reads the whole body before handing it on,
 * so no body is missed; documents are read from their response events.
 */
export async function recordResponses(page: Page, baseURL: string) {
  const bodies: Promise<RecordedResponse>[] = [];
  const ours = (url: string | URL) => String(url).startsWith(baseURL) && !String(url).includes("/_next/static/");
  await page.route(ours, async (route) => {
    const req = route.request();
    if (req.resourceType() !== "fetch") return route.fallback();
    const action = req.method() === "POST" && Boolean(req.headers()["next-action"]);
    let settle!: (r: RecordedResponse) => void;
    bodies.push(new Promise((r) => (settle = r)));
    try {
      const response = await route.fetch({ maxRedirects: 0 });
      const body = await response.text();
      settle({ url: req.url(), action, body });
      await route.fulfill({ response, body });
    } catch (err) {
      settle({ url: req.url(), action, body: `unreadable: ${String(err)}` });
      await route.abort().catch(() => {});
    }
  });
  page.on("response", (r) => {
    if (r.request().resourceType() !== "document" || !ours(r.url())) return;
    bodies.push(r.text().then((body) => ({ url: r.url(), action: false, body }), (err) => ({ url: r.url(), action: false, body: `unreadable: ${String(err)}` })));
  });
  return {
    /** All bodies so far; call after the page settled. */
    all: () => Promise.all(bodies),
    /** How many responses so far, to look only at later ones. */
    count: () => bodies.length,
    /** Neither the page nor any response so far (at least one a server action's) holds `secret`. */
    async expectNone(secret: string, since = 0) {
      expect(await page.content()).not.toContain(secret);
      const got = (await Promise.all(bodies)).slice(since);
      expect(got.some((r) => r.action), "a server action response was recorded").toBe(true);
      for (const r of got) {
        expect(r.body, `response from ${r.url}`).not.toMatch(/^unreadable: /);
        expect(r.body, `response from ${r.url}`).not.toContain(secret);
      }
    },
  };
}
