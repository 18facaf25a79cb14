// Read models of what uses what: the gateways behind a role, a Cognito pool or a credential provider, and cleanup reports.

export type GatewayRef = { gatewayId: string; name: string; status: string };

/** Who uses a resource; `complete` is false when the scan stopped at its bound or some gateways could not be read. */
export type UsedBy = { gateways: GatewayRef[]; complete: boolean };

/** A resource made for a gateway that deleting the gateway can delete too. */
export type CleanupCandidate = {
  kind: "role" | "pool";
  /** Role name or pool id. */
  id: string;
  label: string;
  /** Made by the console (tagged agentcore-console:purpose) and used by no other gateway. */
  offered: boolean;
  /** Made by the console for this very gateway (its tags name it): checked by default. */
  checked: boolean;
  /** Why it is or is not offered, in one sentence. */
  reason: string;
  usedByOthers: GatewayRef[];
};

export type DeletionOutcome = {
  resource: string;
  outcome: "deleted" | "already-gone" | "failed";
  errorName?: string;
  message?: string;
};
