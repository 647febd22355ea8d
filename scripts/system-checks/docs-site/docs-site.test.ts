// The built API reference site (`npm run docs`, build/api-reference) in a real headless Chromium: what a
// user sees, not what TypeDoc meant to write. Screenshots land in build/screenshots for a maintainer.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentedPackages } from "../../docs/workspaces.js";
import { type LaunchedBrowser, launchChromium } from "./browser.js";
import { type StaticServer, serveFolder } from "./static-server.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SITE = path.join(ROOT, "build/api-reference");
const SCREENSHOTS = path.join(ROOT, "build/screenshots");

/** The action the search test looks up, and what its spec says the page must show. */
const ACTION = "DescribeTaskInfo";
const METHOD = "describeTaskInfo";
const actionSpec = JSON.parse(
  readFileSync(path.join(ROOT, `specs/redis/2018-04-12/actions/${ACTION}.json`), "utf8"),
) as {
  errors: string[];
};

let launched: LaunchedBrowser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  if (!existsSync(path.join(SITE, "index.html")))
    throw new Error(`${SITE} has no index.html: run \`npm run docs\` first`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveFolder(SITE);
  launched = await launchChromium();
  page = await launched.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

/** The text of the member section a URL fragment points at (TypeDoc wraps each member in a <section>). */
async function memberSectionText(target: Page, anchor: string): Promise<string> {
  return target.$eval(
    `[id="${anchor}"]`,
    (heading) => (heading.closest("section") ?? heading.parentElement)?.textContent ?? "",
  );
}

describe("API reference site in Chromium", () => {
  it("lists every published package on the landing page", async () => {
    await page.goto(server.url, { waitUntil: "load" });
    const linked = await page.$$eval(".col-content a", (links) => links.map((link) => link.textContent?.trim() ?? ""));
    const expected = documentedPackages(ROOT).map((pkg) => pkg.name);
    expect(expected).toEqual(expect.arrayContaining(["@org/tc-core", "@org/tc-redis"]));
    for (const name of expected) expect(linked).toContain(name);
    await page.screenshot({ path: path.join(SCREENSHOTS, "landing.png"), fullPage: true });
  });

  it(`finds ${METHOD} by search and shows its error codes and example on the page it leads to`, async () => {
    await page.goto(server.url, { waitUntil: "load" });
    await page.click("#tsd-search-trigger");
    await page.type("#tsd-search-input", METHOD);
    await page.waitForSelector("#tsd-search-results a", { timeout: 30_000 });
    // Several results match (the request type, the error-code type...): a user picks the method.
    const results = await page.$$("#tsd-search-results a");
    const kinds = await Promise.all(
      results.map((result) =>
        result.evaluate(
          (link) => `${link.querySelector(".tsd-kind-icon")?.getAttribute("aria-label")} ${link.textContent?.trim()}`,
        ),
      ),
    );
    const index = kinds.findIndex((text) => text.startsWith("Method ") && text.endsWith(`.${METHOD}`));
    expect(index, `search results: ${kinds.join(" | ")}`).toBeGreaterThanOrEqual(0);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), results[index]!.click()]);

    const url = new URL(page.url());
    expect(url.pathname).toMatch(/RedisClient\.html$/);
    expect(url.hash.toLowerCase()).toBe(`#${METHOD.toLowerCase()}`);
    const section = await memberSectionText(page, url.hash.slice(1));
    expect(section).toContain("Rate limit:");
    expect(actionSpec.errors.length).toBeGreaterThan(0);
    for (const code of actionSpec.errors) expect(section).toContain(code);
    expect(section).toContain("Example");
    expect(section).toMatch(new RegExp(`client\\.${METHOD}\\(\\{`));

    // The screenshot shows the whole method (summary to example), not the top of the class page.
    const member = await page.$(`section:has(> [id="${url.hash.slice(1)}"])`);
    expect(member).not.toBeNull();
    await member!.screenshot({ path: path.join(SCREENSHOTS, `${METHOD}.png`) });
  });

  it("has no broken internal link or anchor on any page", async () => {
    // The sidebar is drawn in the browser from navigation data, so its links are read from the DOM; the
    // pages themselves are static HTML, crawled over HTTP (a browser per page would take minutes here).
    await page.goto(server.url, { waitUntil: "load" });
    await page.waitForFunction('document.querySelectorAll(".col-sidebar a[href]").length > 1', { timeout: 30_000 });
    const sidebarHrefs = await page.$$eval(".col-sidebar a[href]", (links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    const sidebar = sidebarHrefs.map((href) => new URL(href, page.url()).href);
    expect(sidebar.length).toBeGreaterThan(documentedPackages(ROOT).length);

    const crawl = await crawlSite(server.url, sidebar);
    expect(crawl.pages).toBeGreaterThan(100);
    expect(crawl.broken).toEqual([]);
  });
});

/** Every page reachable from the landing page and `extraLinks`, and each link that leads nowhere. */
async function crawlSite(base: string, extraLinks: readonly string[]): Promise<{ pages: number; broken: string[] }> {
  const origin = new URL(base).origin;
  const anchors = new Map<string, Set<string> | null>(); // URL without fragment -> ids on it (null: missing)
  const links: { from: string; href: string }[] = extraLinks.map((href) => ({ from: "sidebar", href }));
  const pending = [new URL("index.html", base).href, ...extraLinks.map((href) => href.split("#")[0]!)];
  while (pending.length > 0) {
    const url = pending.pop()!;
    if (anchors.has(url)) continue;
    const response = await fetch(url);
    if (response.status !== 200) {
      anchors.set(url, null);
      continue;
    }
    if (!url.endsWith(".html")) {
      anchors.set(url, new Set());
      continue;
    }
    const html = await response.text();
    anchors.set(url, new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((match) => match[1]!)));
    for (const [, raw] of html.matchAll(/<(?:a|link)\s[^>]*?href="([^"]*)"|<script\s[^>]*?src="([^"]*)"/g)) {
      if (raw === undefined || /^[a-z]+:/i.test(raw)) continue; // external (https:, mailto:) links are not ours
      const href = new URL(raw.replaceAll("&amp;", "&"), url).href;
      if (!href.startsWith(origin)) continue;
      links.push({ from: url, href });
      pending.push(href.split("#")[0]!);
    }
  }
  const broken: string[] = [];
  for (const { from, href } of links) {
    const [target, fragment] = href.split("#") as [string, string | undefined];
    const ids = anchors.get(target);
    if (ids === null || ids === undefined) broken.push(`${from} -> ${href} (no such file)`);
    else if (fragment && target.endsWith(".html") && !ids.has(decodeURIComponent(fragment))) {
      broken.push(`${from} -> ${href} (no such anchor)`);
    }
  }
  return { pages: [...anchors.keys()].filter((url) => url.endsWith(".html")).length, broken: [...new Set(broken)] };
}
