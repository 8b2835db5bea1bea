// Drives the explorer in Debian's chromium through playwright-core (see explorer_browser_test.sh).
// usage: node explorer_browser_test.mjs BASE_URL   (NODE_PATH: where playwright-core is installed)
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH, "noop.js"));
const { chromium } = require("playwright-core");

const base = process.argv[2];
const origin = new URL(base).origin;
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
};

const context = await chromium.launchPersistentContext(process.env.PROFILE, {
  executablePath: process.env.CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
// Every request the pages make: anything not to the explorer is recorded and refused.
const outside = [];
await context.route("**/*", (route) => {
  const u = route.request().url();
  if (u.startsWith(origin + "/") || u.startsWith("data:")) return route.continue();
  outside.push(u);
  return route.abort();
});
const page = context.pages()[0] || (await context.newPage());
const consoleErrors = [];
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`); });
page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));

async function open(p, status = 200) {
  const res = await page.goto(new URL(p, base).href, { waitUntil: "load" });
  check(res && res.status() === status, `${p} answers ${status} (got ${res && res.status()})`);
  check((await page.locator("h1").count()) === 1, `${p} renders a heading`);
  return res;
}
const texts = (sel) => page.locator(sel).allInnerTexts();

try {
  // Runs -> the run's overview.
  await open("/");
  await page.locator("table#runs a").first().click();
  await page.waitForLoadState("load");
  const run = new URL(page.url()).pathname;  // /runs/N
  check(/^\/runs\/\d+$/.test(run), `the run link leads to a run (${run})`);
  check((await page.locator("table#contradictions tbody tr").count()) > 0,
        "the overview lists contradictions");

  // Sources: rows with reliability bars; the filter box hides rows that do not match; sorting.
  await open(`${run}/sources`);
  const rows = page.locator("table#scores tbody tr");
  const n = await rows.count();
  check(n >= 5, `sources page lists the samples' sources (${n})`);
  check((await page.locator("table#scores svg.bar").count()) === n, "each source has a reliability bar");
  await page.fill("input.filter", "tigris");
  const visible = await page.locator("table#scores tbody tr:visible").allInnerTexts();
  check(visible.length === 1 && visible[0].includes("Tigris Ledger"),
        `the filter box keeps only Tigris Ledger (${visible.length} rows)`);
  await page.fill("input.filter", "");
  const claimsHeader = page.locator("table#scores th", { hasText: /^Claims$/ });
  await claimsHeader.click();  // ascending
  const col = await page.locator("table#scores thead th").allInnerTexts();
  const ci = col.indexOf("Claims");
  const counts = (await page.locator(`table#scores tbody tr td:nth-child(${ci + 1})`).allInnerTexts())
    .map((t) => Number(t.replace(/,/g, "")));
  check(counts.every((v, i) => i === 0 || counts[i - 1] <= v), `sorting by Claims orders the rows (${counts})`);

  // A source's page -> one of its claims -> the claim in its document, span highlighted.
  await page.locator("table#scores tbody a", { hasText: "Tigris Ledger" }).click();
  await page.waitForLoadState("load");
  check((await page.locator("table#claims tbody tr").count()) > 0, "Tigris Ledger's claims are listed");
  await page.locator("table#claims a.text").first().click();
  await page.waitForLoadState("load");
  const mark = (await texts("mark#span"))[0] || "";
  const quote = (await texts("blockquote#claim-text"))[0] || "";
  check(mark.length > 0 && mark.replace(/\s+/g, " ").includes(quote.replace(/\s+/g, " ").slice(0, 40)),
        "the claim's span is highlighted in its document and holds the claim");

  // Search from the header box.
  await open(run);
  await page.fill("header input[type=search]", "withdrawal");
  await page.press("header input[type=search]", "Enter");
  await page.waitForLoadState("load");
  const found = await texts("table#results tbody tr");
  check(found.length > 0 && found.every((t) => /withdraw/i.test(t)),
        `search "withdrawal" returns matching claims only (${found.length})`);
  await open(`${run}/search?q=${encodeURIComponent("zzqqxx nothing")}`);
  check((await page.locator("#no-results").count()) === 1, "a search with no match says so");

  // Links with filters: agreements involving Tigris Ledger only.
  await open(`${run}/links?relation=agree`);
  await page.selectOption("select[name=source]", "Tigris Ledger");
  await page.click("form.filters button");
  await page.waitForLoadState("load");
  const linkRows = await texts("table#links tbody tr");
  check(linkRows.length > 0 && linkRows.every((t) => t.includes("Tigris Ledger")),
        `the source filter keeps links with a Tigris Ledger claim (${linkRows.length})`);
  check(new URL(page.url()).searchParams.get("relation") === "agree", "the relation filter is kept");
  await open(`${run}/links?relation=contradict&min=1`);
  const strong = await page.locator("table#links tbody tr").count();
  check(strong === 0 || (await texts("table#links tbody td.num")).every((s) => Number(s) >= 1),
        "the minimum score filter drops weaker links");

  // Propositions -> one proposition.
  await open(`${run}/propositions`);
  await page.locator("table#propositions tbody a").first().click();
  await page.waitForLoadState("load");
  check((await page.locator("table#by-source tbody tr").count()) > 0, "a proposition shows its claims by source");

  // Compare two sources.
  await open(`${run}/compare`);
  await page.selectOption("select[name=source]", ["Tigris Ledger", "Mesopotamia Observer"]);
  await page.click("form.filters button");
  await page.waitForLoadState("load");
  check((await page.locator("h2#contradict").count()) === 1 && (await page.locator("table#compared tbody tr").count()) === 2,
        "the comparison of two sources renders");

  // Speakers, and clean errors for bad addresses.
  await open(`${run}/speakers`);
  await open("/runs/987654", 404);
  await open(`${run}/links?after=garbage`, 400);
  await open(`${run}/sources?limit=99999999`, 400);
  await open("/../../etc/passwd", 404);

  // Changes since the run before (the store holds two runs: the harbour bridge alone, then both
  // stories): the runs page links to them; the Iraq story's claims and sources are new.
  await open("/");
  await page.locator("table#runs a", { hasText: /^since run/ }).first().click();
  await page.waitForLoadState("load");
  check(new URL(page.url()).pathname === `${run}/diff`, `the runs page links to ${run}/diff`);
  const summary = (await texts("#diff-summary"))[0] || "";
  const added = Number(((summary.match(/Claims: ([\d,]+) added/) || [])[1] || "0").replace(/,/g, ""));
  check(added > 0 && (await page.locator("table#claims-added tbody tr").count()) === Math.min(added, 10),
        `the diff lists the claims added (${added})`);
  const moved = await texts("table#sources tbody tr");
  // The Iraq story's outlets are new in the second run (whether Tigris Ledger is on the first page
  // depends on how far the bridge outlets' calibrated scores moved, which are listed too).
  check(moved.some((t) => /Tigris Ledger|levantwire|Crossroads|Mesopotamia|gulfsecurity|Rafidain|Oriente/.test(t) && t.includes("new")),
        "the Iraq story's outlets are listed as new sources");
  await open(`${run}/diff?list=claims-added&limit=5`);
  const firstPage = await texts("table#claims-added tbody tr");
  await page.locator("a[rel=next]").click();
  await page.waitForLoadState("load");
  const secondPage = await texts("table#claims-added tbody tr");
  check(firstPage.length === 5 && secondPage.length > 0 && !secondPage.some((t) => firstPage.includes(t)),
        `the added claims page on (${firstPage.length} then ${secondPage.length})`);
  await open(`${run}/diff?list=claims-added&page=999999`, 404);

  if (process.env.SHOTS) {
    await page.setViewportSize({ width: 1100, height: 700 });
    for (const [name, p] of [["explorer-sources", `${run}/sources`],
                             ["explorer-contradictions", `${run}/links?relation=contradict`],
                             ["explorer-claim", `${run}/search?q=withdrawal`],
                             ["explorer-diff", `${run}/diff`]]) {
      await page.goto(new URL(p, base).href);
      await page.screenshot({ path: path.join(process.env.SHOTS, `${name}.png`) });
    }
  }
} catch (e) {
  failures.push(`exception: ${e.stack || e}`);
  console.log(`FAIL exception: ${e.stack || e}`);
}

// 404 and 400 pages log "Failed to load resource" as console errors by design; others must not.
const unexpected = consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of 40[04]/.test(e));
check(unexpected.length === 0, `no console errors${unexpected.length ? ": " + unexpected.join(" | ") : ""}`);
check(outside.length === 0, `no request leaves the machine${outside.length ? ": " + outside.join(" ") : ""}`);
await context.close();
console.log(failures.length ? `${failures.length} failed` : "all passed");
process.exit(failures.length ? 1 : 0);
