// The sign-in page the proxy serves to a browser without a session: self-contained HTML, no script, no console data.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Only same-site paths are kept as the place to return to. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/_auth/")) return "/gateways";
  return next.length > 2048 ? "/gateways" : next;
}

export function signInPage(options: { next: string; error?: string }): string {
  const error = options.error
    ? `<p id="token-error" class="error" role="alert">${escape(options.error)}</p>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Sign in · AgentCore Gateway Console</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<style>
:root{color-scheme:light dark;--bg:#fff;--fg:#0a0a0a;--muted:#52525b;--border:#d4d4d8;--accent:#1d4ed8;--err:#b91c1c}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--fg:#fafafa;--muted:#a1a1aa;--border:#3f3f46;--accent:#93c5fd;--err:#fca5a5}}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,sans-serif}
main{width:min(28rem,92vw);border:1px solid var(--border);border-radius:.75rem;padding:2rem}
h1{font-size:1.25rem;margin:0 0 .5rem}
p{margin:.5rem 0;color:var(--muted)}
label{display:block;font-weight:600;margin:1.25rem 0 .25rem}
input{box-sizing:border-box;width:100%;padding:.5rem .75rem;border:1px solid var(--border);border-radius:.375rem;background:transparent;color:inherit;font:inherit}
input[aria-invalid=true]{border-color:var(--err)}
button{margin-top:1rem;padding:.5rem 1rem;border:0;border-radius:.375rem;background:var(--accent);color:var(--bg);font:inherit;font-weight:600;cursor:pointer}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.error{color:var(--err)}
code{font-size:.9em}
</style>
</head>
<body>
<main>
<h1>Sign in to AgentCore Gateway Console</h1>
<p>This console holds AWS credentials, so it asks for the access token printed by <code>npm start</code> (the address it printed signs you in directly).</p>
<form method="post" action="/_auth/sign-in">
<input type="hidden" name="next" value="${escape(options.next)}">
<label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="off" required${options.error ? ' aria-invalid="true" aria-describedby="token-error"' : ""} autofocus>
${error}
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`;
}
