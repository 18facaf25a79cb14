"use server";
// PLACEHOLDER: replaced by the server helper's file at merge
// Server actions of the gateway Test tab (connect, call, search, fix allowed clients, reveal the test token).
import type { TestAuth, TestConnection, TestRefused, ToolCallOutcome } from "@/lib/models/gateway-test";
import { fail, type ActionResult } from "./result";

export async function connectGatewayAction(gatewayId: string, auth: TestAuth): Promise<ActionResult<TestConnection | TestRefused>> {
  void gatewayId;
  void auth;
  return fail("not implemented");
}

export async function callGatewayToolAction(gatewayId: string, auth: TestAuth, toolName: string, args: unknown): Promise<ActionResult<ToolCallOutcome | TestRefused>> {
  void gatewayId;
  void auth;
  void toolName;
  void args;
  return fail("not implemented");
}

export async function searchGatewayToolsAction(gatewayId: string, auth: TestAuth, query: string): Promise<ActionResult<ToolCallOutcome | TestRefused>> {
  void gatewayId;
  void auth;
  void query;
  return fail("not implemented");
}

export async function fixAllowedClientsAction(gatewayId: string, clientId: string): Promise<ActionResult<{ allowedClients: string[] }>> {
  void gatewayId;
  void clientId;
  return fail("not implemented");
}

export async function revealTestTokenAction(gatewayId: string, auth: TestAuth): Promise<ActionResult<{ token: string }>> {
  void gatewayId;
  void auth;
  return fail("not implemented");
}
