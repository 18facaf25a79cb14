import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project (sandbox and tests too) as its own step.
  typescript: { ignoreBuildErrors: true },
  // The AWS SDK stays on the server: never bundle it for the browser.
  serverExternalPackages: [
    "@aws-sdk/client-bedrock-agentcore-control",
    "@aws-sdk/client-cognito-identity-provider",
    "@aws-sdk/client-iam",
    "@aws-sdk/client-sts",
  ],
};

export default nextConfig;
