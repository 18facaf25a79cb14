"use client";
// Create a credential provider without leaving the current form (e.g. a target's outbound auth): a dialog around the provider forms.
import { Plus } from "lucide-react";
import { useState, type ReactNode } from "react";
import type { ApiKeyProvider, Oauth2Provider } from "@/lib/models/credential-providers";
import { PROVIDER_NOUN } from "@/lib/schemas/credential-provider";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { ApiKeyProviderForm } from "./api-key-provider-form";
import { Oauth2ProviderForm } from "./oauth2-provider-form";
import { ProviderCreated } from "./provider-created";

type Common = {
  /** The trigger button's text; "Create API key provider" / "Create OAuth2 provider" by default. */
  triggerLabel?: ReactNode;
  triggerVariant?: ButtonProps["variant"];
  triggerSize?: ButtonProps["size"];
  disabled?: boolean;
};

export type CreateProviderDialogProps =
  | (Common & { kind: "apiKey"; onCreated: (provider: ApiKeyProvider) => void })
  | (Common & { kind: "oauth"; onCreated: (provider: Oauth2Provider) => void });

/**
 * A trigger button and a dialog with the create form. `onCreated` fires as soon as the provider exists (so a picker
 * can select it); the dialog then shows its ARN and, for OAuth2, the callback URL to register, until "Done".
 */
export function CreateProviderDialog(props: CreateProviderDialogProps) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<ApiKeyProvider | Oauth2Provider | null>(null);
  const noun = PROVIDER_NOUN[props.kind];
  const idPrefix = `dialog-${props.kind}-provider`;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setCreated(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant={props.triggerVariant ?? "outline"} size={props.triggerSize ?? "sm"} disabled={props.disabled}>
          <Plus aria-hidden="true" /> {props.triggerLabel ?? `Create ${noun}`}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogTitle>Create {noun}</DialogTitle>
        <DialogDescription>
          {props.kind === "apiKey"
            ? "The gateway sends this key to the target on every call. The key is typed once and never shown again."
            : "The gateway gets OAuth2 tokens from this provider for the target. The client secret is typed once and never shown again."}
        </DialogDescription>
        <div className="mt-4">
          {created ? (
            <ProviderCreated provider={created}>
              <Button onClick={() => setOpen(false)}>Done</Button>
            </ProviderCreated>
          ) : props.kind === "apiKey" ? (
            <ApiKeyProviderForm
              idPrefix={idPrefix}
              onCancel={() => setOpen(false)}
              onCreated={(p) => {
                setCreated(p);
                props.onCreated(p);
              }}
            />
          ) : (
            <Oauth2ProviderForm
              idPrefix={idPrefix}
              onCancel={() => setOpen(false)}
              onCreated={(p) => {
                setCreated(p);
                props.onCreated(p);
              }}
            />
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
