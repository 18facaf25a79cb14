// Read model: a gateway as listed among the users of an execution role.
import type { GatewayStatus } from "./gateways";

export type RoleGateway = { gatewayId: string; name: string; status: GatewayStatus; roleArn: string };
