// Fixed identity of the sandbox account and defaults shared by every service.
export const SANDBOX_ACCOUNT_ID = "123456789012";
export const SANDBOX_USER_ARN = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/sandbox`;
export const SANDBOX_USER_ID = "AIDASANDBOXUSER000001";
export const DEFAULT_REGION = "us-east-1";
export const DEFAULT_PORT = 4599;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_LIFECYCLE_DELAY_MS = 1500;
export const DEFAULT_DATA_DIR = ".data/sandbox";
