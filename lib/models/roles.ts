// Read models of IAM roles as the UI sees them: plain data lib/aws returns and components render.

/** A policy document as IAM holds it: the decoded text, and the parsed JSON (null when it is not JSON). */
export type PolicyText = { text: string; document: unknown };

export type RoleSummary = {
  roleName: string;
  roleArn: string;
  roleId: string;
  path: string;
  description?: string;
  createdAt: string;
  maxSessionDuration?: number;
  trustPolicy: PolicyText;
};
