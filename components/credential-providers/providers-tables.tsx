// The two provider tables (API key, OAuth2) with copyable ARNs and callback URLs, their empty states and skeleton.
import type { GatewayRef } from "@/lib/models/relationships";
import { GatewayLinks } from "@/components/relationships/used-by";
import { KeyRound, ShieldCheck } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { ApiKeyProvider, CredentialProvider, Oauth2Provider } from "@/lib/models/credential-providers";
import { PROVIDER_NOUN, vendorLabel, type ProviderKind } from "@/lib/schemas/credential-provider";
import { buttonVariants } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { NoValue } from "@/components/ui/detail-list";
import { Skeleton } from "@/components/ui/skeleton";
import { HeaderRow, Table, TBody, Td, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";
import { DeleteProviderDialog } from "./delete-provider-dialog";

function CopyCell({ value, label, caption }: { value: string | undefined; label: string; caption?: string }) {
  return (
    <div className="flex items-center gap-2">
      <div className="min-w-40 max-w-sm flex-1">
        {caption ? <div className="text-xs text-muted-foreground">{caption}</div> : null}
        {value ? <code className="break-all font-mono text-xs">{value}</code> : <NoValue />}
      </div>
      {value ? <CopyButton value={value} label={label} /> : null}
    </div>
  );
}

function Times({ createdAt, updatedAt }: { createdAt: string; updatedAt: string }) {
  return (
    <>
      <div title="Created">
        <span className="sr-only">Created </span>
        {formatDateTime(createdAt)}
      </div>
      <div title="Updated">
        <span className="sr-only">Updated </span>
        {formatDateTime(updatedAt)}
      </div>
    </>
  );
}

type Column<P> = { header: string; className?: string; cell: (provider: P) => ReactNode };

/** One kind's table: the name, the kind's own columns, created/updated, and delete. */
/** Provider ARN → the gateways whose targets use it; null when that could not be checked. */
export type ProvidersUsage = { byArn: Record<string, GatewayRef[]>; complete: boolean } | null;

/** Under the provider's name (a column of its own would not fit at 1024 px): the gateways whose targets use it. */
function UsedByCell({ usage, arn }: { usage: ProvidersUsage | undefined; arn: string }) {
  if (usage === undefined) return null;
  const gateways = usage?.byArn[arn] ?? [];
  return (
    <div className="mt-1 text-xs font-normal text-muted-foreground">
      {usage === null ? "Used by: could not be checked" : gateways.length ? "Used by:" : "Used by no gateway"}
      {gateways.length ? <GatewayLinks gateways={gateways} /> : null}
    </div>
  );
}

function ProvidersTable<P extends CredentialProvider>({
  kind,
  items,
  nameDetail,
  columns,
  usage,
}: {
  kind: ProviderKind;
  items: P[];
  nameDetail?: (provider: P) => ReactNode;
  columns: Column<P>[];
  usage?: ProvidersUsage;
}) {
  return (
    <Table aria-label={`${PROVIDER_NOUN[kind]}s`}>
      <HeaderRow columns={["Name", ...columns.map((c) => c.header), "Created / updated"]} actions />
      <TBody>
        {items.map((p) => (
          <Tr key={p.credentialProviderArn}>
            <Td className="min-w-24 break-all font-medium">
              {p.name}
              {nameDetail?.(p)}
              <UsedByCell usage={usage} arn={p.credentialProviderArn} />
            </Td>
            {columns.map((c) => (
              <Td key={c.header} className={c.className}>
                {c.cell(p)}
              </Td>
            ))}
            <Td className="min-w-28 text-xs text-muted-foreground">
              <Times createdAt={p.createdAt} updatedAt={p.updatedAt} />
            </Td>
            <Td className="px-2 text-right">
              <DeleteProviderDialog kind={kind} name={p.name} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

const API_KEY_COLUMNS: Column<ApiKeyProvider>[] = [{ header: "ARN", cell: (p) => <CopyCell value={p.credentialProviderArn} label={`Copy ARN of ${p.name}`} /> }];

const OAUTH2_COLUMNS: Column<Oauth2Provider>[] = [
  { header: "Vendor", className: "whitespace-nowrap", cell: (p) => vendorLabel(p.vendor) },
  {
    header: "ARN and callback URL",
    className: "space-y-2",
    cell: (p) => (
      <>
        <CopyCell caption="ARN" value={p.credentialProviderArn} label={`Copy ARN of ${p.name}`} />
        <CopyCell caption="Callback URL" value={p.callbackUrl} label={`Copy callback URL of ${p.name}`} />
      </>
    ),
  },
];

const clientLine = (p: Oauth2Provider) => (p.clientId ? <div className="font-mono text-xs font-normal text-muted-foreground">client {p.clientId}</div> : null);

export function ApiKeyProvidersTable({ items, usage }: { items: ApiKeyProvider[]; usage?: ProvidersUsage }) {
  return <ProvidersTable kind="apiKey" items={items} columns={API_KEY_COLUMNS} usage={usage} />;
}

export function Oauth2ProvidersTable({ items, usage }: { items: Oauth2Provider[]; usage?: ProvidersUsage }) {
  return <ProvidersTable kind="oauth" items={items} nameDetail={clientLine} columns={OAUTH2_COLUMNS} usage={usage} />;
}

function EmptyState({ icon, title, children, href, action }: { icon: ReactNode; title: string; children: ReactNode; href: string; action: string }) {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-12 text-center">
      {icon}
      <h3 className="text-base font-semibold">{title}</h3>
      <p className="max-w-md text-sm text-muted-foreground">{children}</p>
      <Link href={href} className={buttonVariants({ variant: "outline" })}>
        {action}
      </Link>
    </div>
  );
}

/** What an empty list of each kind says, and where it sends the user to make the first one. */
const EMPTY = {
  apiKey: {
    icon: <KeyRound className="size-9 text-muted-foreground" aria-hidden="true" />,
    title: "No API key providers in this region yet",
    href: "/credential-providers/api-key/new",
    action: "Create API key provider",
    text: "An API key provider keeps a target API's key in the token vault, so the gateway can send it without your agents ever seeing it.",
  },
  oauth: {
    icon: <ShieldCheck className="size-9 text-muted-foreground" aria-hidden="true" />,
    title: "No OAuth2 providers in this region yet",
    href: "/credential-providers/oauth2/new",
    action: "Create OAuth2 provider",
    text: "An OAuth2 provider lets the gateway get tokens from Google, GitHub, Slack, Microsoft or your own authorization server to call a target.",
  },
};

function ProvidersEmpty({ kind }: { kind: keyof typeof EMPTY }) {
  const { text, ...rest } = EMPTY[kind];
  return <EmptyState {...rest}>{text}</EmptyState>;
}

export const ApiKeyProvidersEmpty = () => <ProvidersEmpty kind="apiKey" />;
export const Oauth2ProvidersEmpty = () => <ProvidersEmpty kind="oauth" />;

export function ProvidersTableSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 p-4">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
