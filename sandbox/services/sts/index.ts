// STS: just GetCallerIdentity (awsQuery XML), answering as the fixed sandbox user.
import { RawResult, type ServiceDefinition } from "../../core/types";
import { SANDBOX_ACCOUNT_ID, SANDBOX_USER_ARN, SANDBOX_USER_ID } from "../../core/constants";

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";

export function stsService(): ServiceDefinition {
  return {
    name: "sts",
    signingName: "sts",
    protocol: "awsQuery",
    queryVersion: "2011-06-15",
    xmlNamespace: NS,
    operations: {
      GetCallerIdentity: (_input, ctx) =>
        new RawResult({
          status: 200,
          headers: { "content-type": "text/xml", "x-amzn-requestid": ctx.requestId },
          body:
            `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult>` +
            `<Arn>${SANDBOX_USER_ARN}</Arn><UserId>${SANDBOX_USER_ID}</UserId><Account>${SANDBOX_ACCOUNT_ID}</Account>` +
            `</GetCallerIdentityResult><ResponseMetadata><RequestId>${ctx.requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        }),
    },
  };
}
