// Ends this browser's session (a plain form post the proxy answers; no script needed).
import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <form method="post" action="/_auth/sign-out">
      <Button type="submit" variant="ghost" size="sm">
        <LogOut aria-hidden="true" /> Sign out
      </Button>
    </form>
  );
}
