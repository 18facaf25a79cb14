// Per-request memo of GetGateway, so a gateway's layout and its tab pages read it once.
import "server-only";
import { cache } from "react";
import { getRegion } from "./config";
import { getGateway } from "./gateways";

export const getGatewayForRequest = cache(async (gatewayId: string) => getGateway(await getRegion(), gatewayId));
