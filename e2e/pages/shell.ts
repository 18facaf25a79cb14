// Page object for the console's shell: the main navigation.
import type { Page } from "@playwright/test";

/** Clicks a link of the main navigation, as a person moving between sections does. */
export const nav = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
