import type { Metadata } from "next";
import Link from "next/link";
import { emptyGatewayForm } from "@/lib/schemas/gateway";
import { GatewayForm } from "@/components/gateways/form/gateway-form";

export const metadata: Metadata = { title: "Create gateway" };

export default function NewGatewayPage() {
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/gateways" className="hover:underline">
          Gateways
        </Link>{" "}
        / Create
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">Create gateway</h1>
      <GatewayForm mode="create" initial={emptyGatewayForm()} />
    </div>
  );
}
