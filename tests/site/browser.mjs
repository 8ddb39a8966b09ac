// Shared by the browser tests: Debian's Chromium through playwright-core (never a downloaded
// browser), with the flags that work as root in a container.
import { chromium } from "playwright-core";
import path from "node:path";

export const buildDir = process.env.KAOWU_BUILD_DIR;
if (!buildDir) throw new Error("run through ctest (KAOWU_BUILD_DIR is not set)");
export const site = path.join(buildDir, "site-test", "public");
export const artifacts = path.join(buildDir, "site-artifacts");

export async function launch() {
  // Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run",
    ],
  });
  const close = async () => {
    await browser.close();
  };
  return { browser, close };
}

export const url = (rel) => "file://" + path.join(site, rel);
