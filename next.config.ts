import type { NextConfig } from "next";

/** 2 × 10 MB for an escaped inline document, and room for the rest of the form and the RSC encoding. */
const SERVER_ACTION_BODY_LIMIT = "24mb";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project (sandbox and tests too) as its own step.
  typescript: { ignoreBuildErrors: true },
  // The AWS SDK stays on the server: never bundle it for the browser.
  experimental: {
    // A target form carries one inline document of up to 10 MB (INLINE_DOCUMENT_MAX_BYTES in lib/schemas/target.ts);
    // the action's JSON encoding can double it (every quote, backslash and newline escaped), plus the rest of the form.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    // With a proxy (proxy.ts), Next buffers request bodies only up to this size: keep it the same.
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT,
  },
  serverExternalPackages: [
    "@aws-sdk/client-bedrock-agentcore-control",
    "@aws-sdk/client-cognito-identity-provider",
    "@aws-sdk/client-iam",
    "@aws-sdk/client-lambda",
    "@aws-sdk/client-sts",
  ],
};

export default nextConfig;
