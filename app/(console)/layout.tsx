import { Boxes, Fingerprint, ShieldCheck, KeyRound, ScrollText } from "lucide-react";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { BackendBanner, BackendBannerSkeleton } from "@/components/shell/backend-banner";
import { NavLink } from "@/components/shell/nav-link";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { authMode } from "@/lib/auth/token";
import { getBackend, getRegion, REGIONS, sandboxEndpoint } from "@/lib/aws/config";
import { loaded } from "@/lib/aws/errors";
import { getCallerIdentity } from "@/lib/aws/sts";
import type { Loaded } from "@/lib/models/loaded";

/** Reads what the banner shows inside its Suspense boundary, so no page waits for STS. */
async function Banner() {
  const region = await getRegion();
  // The banner never fails the page: any error becomes its one-line problem.
  const account = loaded(getCallerIdentity(region).then((c) => c.account)).catch((): Loaded<string> => ({ ok: false, message: "Could not identify the AWS account." }));
  return <BackendBanner backend={getBackend()} sandboxEndpoint={sandboxEndpoint()} region={region} regions={REGIONS} account={account} />;
}

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:p-2">
        Skip to content
      </a>
      <aside className="w-56 shrink-0 border-r bg-muted/20">
        <div className="flex h-14 items-center gap-2 border-b px-4">
          <Link href="/gateways" className="font-semibold tracking-tight focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
            AgentCore Gateway Console
          </Link>
        </div>
        <nav aria-label="Main" className="space-y-1 p-3">
          <NavLink href="/gateways">
            <Boxes aria-hidden="true" /> Gateways
          </NavLink>
          <NavLink href="/identity">
            <Fingerprint aria-hidden="true" /> Identity
          </NavLink>
          <NavLink href="/credential-providers">
            <KeyRound aria-hidden="true" /> Credential providers
          </NavLink>
          <NavLink href="/roles">
            <ShieldCheck aria-hidden="true" /> Roles &amp; policies
          </NavLink>
          <NavLink href="/audit">
            <ScrollText aria-hidden="true" /> Audit log
          </NavLink>
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-end gap-2 border-b px-6">
          <ThemeToggle />
          {authMode() === "token" ? <SignOutButton /> : null}
        </header>
        <Suspense fallback={<BackendBannerSkeleton />}>
          <Banner />
        </Suspense>
        <main id="main" tabIndex={-1} className="flex-1 px-8 py-6 focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
