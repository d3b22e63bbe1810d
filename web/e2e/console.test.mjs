// The console in a real browser (Debian's Chromium through playwright-core) against a real `herald dev`:
// sign up → the shell with the workspace → reload, still signed in → log out → log in → a revoked token
// sends the user back to log in with a message; the Accounts page (Bluesky's field errors, an OAuth network
// herald dev has no credentials for, /oauth/result). Screenshots of each page go to test-results/ (git-ignored).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";
import { chromium } from "playwright-core";

const web = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repo = path.dirname(web);
const shots = path.join(web, "test-results");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const python = process.env.HERALD_PYTHON ?? path.join(repo, ".venv", "bin", "python");

const heralds = [];
let base;
let pdsBase; // a Herald that may call private addresses, with the networks' fakes configured
let pds; // { url, handle, appPassword } on the local PDS
let services;
let context;
let scratch;
const cspViolations = [];
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const axeResults = {}; // page name → violations of every impact, written to test-results/axe.json

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(herald, url, deadline = Date.now() + 90_000) {
  while (Date.now() < deadline) {
    if (herald.exitCode !== null) throw new Error(`herald dev exited with ${herald.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("herald dev did not answer /healthz in 90 s");
}

/** `herald dev` on a free port with its own data under the scratch directory; `env` adds settings. */
async function startHerald(name, env = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const environment = { ...process.env };
  for (const key of ["MONGODB_URL", "REDIS_URL", "RABBITMQ_URL", "FERNET_KEYS"]) delete environment[key];
  Object.assign(environment, {
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_BASE_URL: url,
    DATA_DIR: path.join(scratch, name),
    WEB_DIST_DIR: path.join(web, "dist"),
    LOG_LEVEL: "WARNING",
    ...env,
  });
  const child = spawn(python, ["-c", "from app.cli import main; main()", "dev"], {
    cwd: scratch, // no .env of the checkout applies
    env: environment,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  heralds.push(child);
  await waitHealthy(child, url);
  return url;
}

/**
 * The suite's real Bluesky PDS with one account, the Threads, Meta and Reddit fakes with a user who
 * consents, and the Gemini fake scripted for the AI assist (tests/services/e2e_services.py): `{ pds: { url, handle, appPassword }, env }`, `env` pointing a
 * Herald at the fakes. They stop when their stdin closes.
 */
async function startServices(handle) {
  services = spawn(python, ["-m", "tests.services.e2e_services", handle], {
    cwd: repo,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  for await (const chunk of services.stdout) {
    out += chunk;
    if (out.includes("\n")) return JSON.parse(out.slice(0, out.indexOf("\n")));
  }
  throw new Error(`the e2e services exited with ${services.exitCode} before they were ready`);
}

before(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "herald-e2e-"));
  mkdirSync(shots, { recursive: true });
  // The second Herald calls loopback addresses (the local PDS, the networks' fakes), as the first (like
  // production, and without any network's app credentials) refuses to
  const connected = async () => {
    const started = await startServices("grace.test");
    pds = started.pds;
    return startHerald("var-private", { FETCH_ALLOW_PRIVATE_ADDRESSES: "true", ...started.env });
  };
  [base, pdsBase] = await Promise.all([startHerald("var"), connected()]);
  context = await chromium.launchPersistentContext(path.join(scratch, "chromium"), {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    timezoneId: "Europe/Berlin", // not UTC: the console must use the workspace's zone (the browser's at sign-up)
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});

after(async () => {
  await context?.close();
  services?.stdin.end();
  await Promise.all(
    heralds.map(async (herald) => {
      if (herald.exitCode !== null) return;
      const exited = new Promise((resolve) => herald.once("exit", resolve));
      process.kill(-herald.pid, "SIGINT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (herald.exitCode === null) process.kill(-herald.pid, "SIGKILL");
    }),
  );
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  writeFileSync(path.join(shots, "axe.json"), JSON.stringify(axeResults, null, 2));
});

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/**
 * axe-core on the page as it is (run through the DevTools protocol, which the page's CSP does not govern):
 * every violation is recorded in test-results/axe.json; a serious or critical one fails the test.
 */
async function checkA11y(page, name) {
  await page.evaluate(axeSource);
  const { violations, rulesPassed } = await page.evaluate(async () => {
    const results = await window.axe.run(document);
    return {
      rulesPassed: results.passes.length,
      violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })),
    };
  });
  assert.ok(rulesPassed > 10, `axe ran no rules on ${name}`);
  axeResults[name] = { rulesPassed, violations };
  const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(grave, [], `axe on ${name}: ${JSON.stringify(grave, null, 2)}`);
}

/** A real 8-bit RGB PNG whose row `y` is `row(y)` (width × 3 bytes), deflated at `level`. */
function png(width, height, row, level = 6) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Array.from({ length: height }, (_, y) => Buffer.concat([Buffer.from([0]), row(y)]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A PNG of `width` × `height` stripes, stored uncompressed so the upload is big enough to report progress. */
function stripesPng(width, height) {
  const stripe = (y) => {
    const row = Buffer.alloc(width * 3);
    for (let x = 0; x < width; x++) row.set([(x * 7) & 255, (y * 3) & 255, ((x + y) * 5) & 255], x * 3);
    return row;
  };
  return png(width, height, stripe, 0);
}

/** `instant` as a datetime-local value (with seconds) in `zone`. */
function wallClock(instant, zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A real PNG of `size` × `size` random pixels (incompressible: about 3 × size² bytes). */
function noisePng(size) {
  return png(size, size, () => randomBytes(size * 3));
}

/** The posts on the local PDS whose text is `text`. */
async function pdsPosts(text) {
  const url = `${pds.url}/xrpc/com.atproto.repo.listRecords?repo=${pds.handle}&collection=app.bsky.feed.post&limit=100`;
  const { records } = await (await fetch(url)).json();
  return records.filter((r) => r.value.text === text);
}

test("sign up, stay signed in across a reload, log out, log in, and be sent back when the token is revoked", async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  const email = `ada-${Date.now()}@example.test`;
  const password = "correct horse battery";

  // Signed out, / leads to the log-in page
  const first = await page.goto(`${base}/`);
  assert.match(first.headers()["content-security-policy"], /script-src 'self';/); // the app runs under the CSP
  await page.getByRole("heading", { name: "Log in" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/login");
  await shot(page, "01-log-in");

  // Sign-up errors are shown next to the field they name
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByRole("heading", { name: "Create your account" }).waitFor();
  await page.getByLabel("Your name").fill("Ada");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.locator("#email-error").waitFor();
  assert.match(await page.locator("#email-error").innerText(), /email/i);
  assert.match(await page.locator("#password-error").innerText(), /10/);
  assert.equal(await page.getByLabel("Email").getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByLabel("Your name").getAttribute("aria-invalid"), null);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "email"); // focus on the first error
  await shot(page, "02-sign-up-errors");

  // Sign up: the shell, with the new workspace in the switcher
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Workspace name (optional)").fill("Ada's newsroom");
  await page.getByRole("button", { name: "Sign up" }).click();
  const workspace = page.getByLabel("Workspace");
  await page.getByRole("heading", { name: "Posts" }).waitFor();
  assert.equal(await workspace.locator("option:checked").innerText(), "Ada's newsroom");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Calendar" }).click();
  await page.getByRole("heading", { name: "Calendar" }).waitFor();
  await shot(page, "03-shell");

  // 375 px wide: nothing overflows sideways
  await page.setViewportSize({ width: 375, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), "the shell overflows at 375 px");
  await shot(page, "04-shell-375px");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Reload: still signed in, on the same page
  await page.reload();
  await page.getByRole("heading", { name: "Calendar" }).waitFor();
  assert.equal(await workspace.locator("option:checked").innerText(), "Ada's newsroom");

  // Keyboard: the first Tab reaches the skip link, and its focus is visible
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, "solid");
  await shot(page, "05-keyboard-focus");

  // Log out
  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByText("You have logged out.").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("herald.token")), null);
  await shot(page, "06-logged-out");

  // Wrong password: said above the form; then the right one logs in (back on the page they left)
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Log in" }).click();
  assert.match(await page.getByRole("alert").innerText(), /password/i);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Calendar" }).waitFor();

  // The session is ended elsewhere: the next request's 401 sends the user to log in with a message,
  // and logging in again returns to the page they were on (a page without a websocket: on a live one, such
  // as Analytics, the server's closing of the socket sends the user to log in before any reload)
  await page.getByRole("link", { name: "Accounts" }).click();
  await page.getByRole("heading", { name: "Accounts", level: 1 }).waitFor();
  const token = await page.evaluate(() => localStorage.getItem("herald.token"));
  assert.ok(token);
  const revoked = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "mutation { logOut }" }),
  });
  assert.deepEqual(await revoked.json(), { data: { logOut: true } });
  await page.reload();
  await page.getByText("Your session has expired or was ended").waitFor();
  assert.equal(new URL(page.url()).pathname, "/login");
  assert.equal(await page.evaluate(() => localStorage.getItem("herald.token")), null);
  await shot(page, "07-session-ended");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Accounts", level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/accounts");
  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByText("You have logged out.").waitFor();

  // Small screens: the sign-up page at 375 px
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${base}/signup`);
  await page.getByRole("heading", { name: "Create your account" }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), "sign-up overflows at 375 px");
  await shot(page, "08-sign-up-375px");

  assert.deepEqual(cspViolations, []);
});

test("the Accounts page: empty list, Bluesky's errors on their field, an unconfigured network, /oauth/result", async () => {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${base}/signup`);
  await page.getByLabel("Your name").fill("Grace");
  const email = `grace-${Date.now()}@example.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByRole("heading", { name: "Posts" }).waitFor();

  // No accounts yet: said, with the ways to connect one
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Accounts" }).click();
  await page.getByRole("heading", { name: "Accounts", level: 1 }).waitFor();
  await page.getByText("No accounts yet").waitFor();
  await shot(page, "09-accounts-empty");

  // Bluesky on a PDS at a loopback address: herald dev refuses it, and says so under the PDS field
  await page.getByLabel("Handle").fill("grace.example.test");
  await page.getByLabel("App password").fill("abcd-efgh-ijkl-mnop");
  await page.getByLabel("PDS address (optional)").fill("https://127.0.0.1:9");
  await page.getByRole("button", { name: "Connect Bluesky" }).click();
  await page.locator("#serviceUrl-error").waitFor();
  assert.match(await page.locator("#serviceUrl-error").innerText(), /private|local|public|address/i);
  assert.equal(await page.getByLabel("PDS address (optional)").getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByLabel("Handle").getAttribute("aria-invalid"), null);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "serviceUrl"); // focus on the error
  await shot(page, "10-accounts-bluesky-error");

  // OAuth networks without credentials (herald dev has none) say who can fix it before any click,
  // instead of a dead button
  for (const network of ["Threads", "Instagram", "Facebook", "Reddit"]) {
    const button = page.getByRole("button", { name: `Ask your admin to configure ${network}`, exact: true });
    assert.equal(await button.getAttribute("id"), `oauth-${network.toLowerCase()}`);
    assert.equal(await button.isDisabled(), true);
  }
  await shot(page, "11-accounts-not-configured");

  // 375 px wide: nothing overflows sideways
  await page.setViewportSize({ width: 375, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), "accounts overflow at 375 px");
  await shot(page, "12-accounts-375px");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Back from a network's consent page with an error: the console says what happened, naming the network
  const result = await page.goto(
    `${base}/oauth/result?platform=REDDIT&status=error&error=ACCESS_DENIED&message=${encodeURIComponent("You declined on Reddit.")}`,
  );
  assert.match(result.headers()["content-security-policy"], /script-src 'self';/); // the console, not a text page
  await page.getByRole("heading", { name: "Reddit was not connected" }).waitFor();
  assert.match(await page.getByRole("alert").innerText(), /You declined on Reddit\.[\s\S]*ACCESS_DENIED/);
  await shot(page, "13-oauth-result-error");
  await page.goto(`${base}/oauth/result?platform=THREADS&status=connected&connected=2`);
  await page.getByRole("heading", { name: "Threads connected: 2 accounts" }).waitFor();
  await shot(page, "14-oauth-result-connected");
  await page.getByRole("link", { name: "Back to Accounts" }).click();
  await page.getByRole("heading", { name: "Accounts", level: 1 }).waitFor();

  // Signed out when the network sends the browser back: log in, and the outcome is still shown
  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByText("You have logged out.").waitFor();
  await page.goto(`${base}/oauth/result?platform=FACEBOOK&status=connected&connected=1`);
  await page.getByRole("heading", { name: "Log in" }).waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Facebook connected: 1 account" }).waitFor();

  await page.close();
  assert.deepEqual(cspViolations, []);
});

test("connect a real Bluesky account (the local PDS), disconnect it after confirming, reconnect it; Threads' OAuth round trip", async () => {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${pdsBase}/signup`);
  await page.getByLabel("Your name").fill("Grace");
  await page.getByLabel("Email").fill(`grace-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByRole("heading", { name: "Posts" }).waitFor();
  await page.goto(`${pdsBase}/accounts`);
  await page.getByText("No accounts yet").waitFor();

  // A wrong app password: said under the app password field
  await page.getByLabel("Handle").fill(`@${pds.handle}`);
  await page.getByLabel("App password").fill("aaaa-bbbb-cccc-dddd");
  await page.getByLabel("PDS address (optional)").fill(pds.url);
  await page.getByRole("button", { name: "Connect Bluesky" }).click();
  await page.locator("#appPassword-error").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "appPassword");

  // The right one: the account is listed, connected, and the form is empty again
  await page.getByLabel("App password").fill(pds.appPassword);
  await page.getByRole("button", { name: "Connect Bluesky" }).click();
  await page.getByRole("status").getByText(`Bluesky account ${pds.handle} connected.`).waitFor();
  const list = page.getByRole("region", { name: "This workspace’s accounts" }).getByRole("listitem");
  await list.first().waitFor();
  assert.equal(await list.count(), 1);
  assert.match(await list.first().innerText(), new RegExp(`@${pds.handle.replace(".", "\\.")}[\\s\\S]*Bluesky · ✓?Connected`));
  assert.equal(await page.getByLabel("Handle").inputValue(), "");
  await shot(page, "15-accounts-connected");

  // Disconnect asks first, in a modal dialog that has the focus; Cancel (Escape) leaves the account alone
  const disconnect = page.getByRole("button", { name: `Disconnect Bluesky account ${pds.handle}` });
  await disconnect.click();
  const dialog = page.getByRole("dialog", { name: "Disconnect Bluesky account?" });
  await dialog.waitFor();
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), "focus is not in the dialog");
  await shot(page, "16-accounts-disconnect-dialog");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.match(await list.first().innerText(), /Connected/);

  // Confirmed: the account stays listed as Disconnected, with no Disconnect button
  await disconnect.click();
  await dialog.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("status").getByText(`Bluesky account ${pds.handle} disconnected.`).waitFor();
  await list.first().getByText("Disconnected", { exact: true }).waitFor();
  assert.equal(await disconnect.count(), 0);
  await shot(page, "17-accounts-disconnected");

  // Reconnect: the Bluesky form with the handle filled in and the focus on the app password
  await page.getByRole("button", { name: `Reconnect Bluesky account ${pds.handle}` }).click();
  assert.equal(await page.getByLabel("Handle").inputValue(), pds.handle);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "appPassword");
  await page.keyboard.type(pds.appPassword);
  await page.getByLabel("PDS address (optional)").fill(pds.url); // the API does not say which PDS it was on
  await page.keyboard.press("Enter");
  await page.getByRole("status").getByText(`Bluesky account ${pds.handle} connected.`).waitFor();
  await list.first().getByText("Connected", { exact: true }).waitFor();
  assert.equal(await list.count(), 1); // the same account, revived

  // Threads through its consent page (the fake consents at once) and Herald's callback, back in the console
  await page.getByRole("button", { name: "Connect Threads", exact: true }).click();
  await page.getByRole("heading", { name: "Threads connected: 1 account" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/oauth/result");
  await shot(page, "18-oauth-result-connected");
  await page.getByRole("link", { name: "Back to Accounts" }).click();
  await page.getByText("@grace_threads").waitFor();
  assert.match(await list.filter({ hasText: "@grace_threads" }).innerText(), /Threads · ✓?Connected/);
  await shot(page, "19-accounts-threads");

  // Facebook, granted without the insights permission: connected, and told what reconnecting would bring
  await page.getByRole("button", { name: "Connect Facebook", exact: true }).click();
  await page.getByRole("heading", { name: "Facebook connected: 1 account" }).waitFor();
  await page.getByRole("link", { name: "Back to Accounts" }).click();
  const facebook = list.filter({ hasText: "Grace Page 1" }).first(); // its own list (what is missing) nests
  await facebook.waitFor();
  assert.match(await facebook.innerText(), /Facebook · ✓?Connected[\s\S]*[Rr]econnect/);
  await facebook.getByRole("button", { name: "Reconnect Facebook account Grace Page 1" }).waitFor();
  await shot(page, "20-accounts-missing-insights");

  await page.close();
  assert.deepEqual(cspViolations, []);
});

test("compose, schedule 10 s ahead, watch the badge turn Published live, once on the PDS; reschedule on the calendar; workspaces", async () => {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  // A new user: whoever the earlier tests left signed in on this origin is forgotten
  await page.goto(`${pdsBase}/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${pdsBase}/signup`);
  await page.getByLabel("Your name").fill("Lin");
  await page.getByLabel("Email").fill(`lin-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByLabel("Workspace name (optional)").fill("Lin's desk");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByRole("heading", { name: "Posts" }).waitFor();
  await page.getByText("Time zone: Europe/Berlin").waitFor(); // the browser's zone became the workspace's

  // No posts yet: said, with the way to write one
  await page.getByText("No posts yet.").waitFor();
  await page.locator(`[data-connection="live"]`).waitFor();
  await shot(page, "21-posts-empty");
  await checkA11y(page, "posts (empty)");

  // Connect the local PDS's account
  await page.goto(`${pdsBase}/accounts`);
  await page.getByLabel("Handle").fill(pds.handle);
  await page.getByLabel("App password").fill(pds.appPassword);
  await page.getByLabel("PDS address (optional)").fill(pds.url);
  await page.getByRole("button", { name: "Connect Bluesky" }).click();
  await page.getByRole("status").getByText(`Bluesky account ${pds.handle} connected.`).waitFor();
  await checkA11y(page, "accounts (connected)");

  // The composer: the server's errors next to the field each one names, with its code
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Posts" }).click();
  await page.getByRole("link", { name: "New post" }).click();
  await page.getByRole("heading", { name: "New post" }).waitFor();
  const account = page.getByLabel(`Bluesky · @${pds.handle}`);
  assert.equal(await account.isChecked(), true); // the only account is chosen
  await account.uncheck();
  await page.getByLabel("Date and time (Europe/Berlin)").fill("2020-01-01T09:00");
  await page.getByRole("button", { name: "Schedule" }).click();
  const accountsError = page.locator('[id$="-accounts-error"]');
  await accountsError.waitFor();
  assert.match(await accountsError.innerText(), /NO_TARGETS/);
  assert.match(await page.locator('[id$="-scheduledAt-error"]').innerText(), /SCHEDULED_IN_PAST/);
  assert.equal(await page.getByLabel("Date and time (Europe/Berlin)").getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "FIELDSET"); // focus on the first error
  await account.check();
  await page.getByRole("button", { name: "Schedule" }).click();
  const textError = page.locator('[id$="-text-error"]');
  await textError.waitFor();
  assert.match(await textError.innerText(), /EMPTY_POST/);
  assert.equal(await page.getByLabel("Text", { exact: true }).getAttribute("aria-invalid"), "true");
  await shot(page, "22-composer-errors");
  await checkA11y(page, "composer (errors)");

  // The AI assist (its own chunk): captions stream into the Bluesky tab as the (fake) Gemini writes them,
  // the checked caption replaces them, then a rewrite shortens it; axe with the assist open
  await page.getByRole("button", { name: "Write with AI" }).click();
  await page.getByLabel("What the post is about").fill("Herald's AI writing help");
  await page.evaluate(() => {
    window.heraldCaption = [];
    window.heraldCaptionPoll = setInterval(() => {
      const field = document.querySelector('textarea[id$="-own"]');
      if (field && window.heraldCaption.at(-1) !== field.value) window.heraldCaption.push(field.value);
    }, 10);
  });
  await page.getByRole("button", { name: "Write captions" }).click();
  const caption = "Fresh from Herald: posts written with a little help.\n\n#herald";
  const wording = page.getByLabel(`Wording for Bluesky (@${pds.handle})`);
  await page.getByText("Each network’s tab has its caption").waitFor({ timeout: 30_000 });
  assert.equal(await wording.inputValue(), caption);
  const streamed = await page.evaluate(() => {
    clearInterval(window.heraldCaptionPoll);
    return window.heraldCaption;
  });
  assert.ok(
    streamed.some((v) => v && v.length < caption.length && caption.startsWith(v)),
    `the caption did not stream: ${JSON.stringify(streamed)}`,
  );
  await page.getByLabel("How", { exact: true }).selectOption("SHORTEN");
  await page.getByRole("button", { name: "Rewrite", exact: true }).click();
  await page.getByText("The text is rewritten.").waitFor({ timeout: 30_000 });
  assert.equal(await wording.inputValue(), "Herald helps you write.");
  await shot(page, "22c-composer-ai-assist");
  await checkA11y(page, "composer (AI assist)");
  await page.reload();
  await page.getByRole("heading", { name: "New post" }).waitFor();

  // A post with a link and an image: the Bluesky counter counts as Bluesky does, the upload shows its progress
  const text = `Hello from Herald's console, ${Date.now()} 👨‍👩‍👧‍👦 https://example.com/herald`;
  await page.getByLabel("Text", { exact: true }).fill(text);
  await account.check();
  const counter = page.locator('[data-counter="Bluesky counter"]').first();
  await counter.getByText(`${[...new Intl.Segmenter().segment(text)].length} / 300 characters`).waitFor();
  await counter.getByText(`${Buffer.byteLength(text)} / 3,000 bytes`).waitFor();
  await page.evaluate(() => {
    window.heraldProgress = [];
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll("progress[data-progress]")) {
        if (window.heraldProgress.at(-1) !== bar.dataset.progress) window.heraldProgress.push(bar.dataset.progress);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByLabel("Add photos or videos").setInputFiles({ name: "stripes.png", mimeType: "image/png", buffer: stripesPng(900, 700) });
  const alt = page.getByLabel("Alt text for stripes.png");
  await alt.waitFor({ timeout: 30_000 });
  const progress = await page.evaluate(() => window.heraldProgress);
  assert.equal(progress[0], "0", `progress went ${progress.join(", ")}`);
  assert.equal(progress.at(-1), "100", `progress went ${progress.join(", ")}`);
  // A file that is no image: REJECTED, with Herald's reason, and nothing attached
  await page.getByLabel("Add photos or videos").setInputFiles({ name: "broken.png", mimeType: "image/png", buffer: Buffer.from("not a picture") });
  const rejected = page.getByRole("list", { name: "Uploads" }).getByRole("alert");
  await rejected.waitFor({ timeout: 30_000 });
  assert.match(await rejected.innerText(), /^Rejected: \S/);
  await shot(page, "22a-composer-upload-rejected");
  await page.getByRole("button", { name: "Dismiss" }).click();
  assert.equal(await page.getByRole("list", { name: "Attached media" }).getByRole("listitem").count(), 1);
  await alt.fill("Coloured stripes");
  await alt.blur();
  await page.getByText("Alt text saved.").waitFor();
  const preview = page.getByRole("tabpanel").locator("figure");
  await preview.locator('img[alt="Coloured stripes"]').waitFor();
  await preview.getByText("https://example.com/herald").waitFor();
  // Scheduled ten seconds ahead, in the workspace's zone, once the server's dry run finds nothing wrong
  await page.getByLabel("Date and time (Europe/Berlin)").fill(wallClock(new Date(Date.now() + 60_000), "Europe/Berlin"));
  await page.getByText("Herald’s checks pass.").waitFor();
  await shot(page, "22b-composer-with-image");
  await checkA11y(page, "composer (image, link, preview)");
  await page.getByLabel("Date and time (Europe/Berlin)").fill(wallClock(new Date(Date.now() + 10_000), "Europe/Berlin"));
  await page.getByRole("button", { name: "Schedule" }).click();
  await page.getByRole("status").getByText("The post is scheduled.").waitFor();
  assert.equal(new URL(page.url()).pathname, "/posts");
  const card = page.getByRole("listitem").filter({ has: page.getByText(text, { exact: true }) });
  await card.locator(`[data-status="Scheduled"]`).first().waitFor();
  assert.match(await card.innerText(), /Scheduled for .*(CET|GMT\+1)/);
  await shot(page, "23-posts-scheduled");
  await checkA11y(page, "posts (scheduled)");

  // Without a reload, the badge follows the post to Published, with a link to it
  await card.evaluate((element) => {
    window.heraldNoReload = true; // gone if the page reloads
    window.heraldSeen = [];
    const record = () => {
      const status = element.querySelector("[data-target-status]")?.dataset.targetStatus;
      if (status && window.heraldSeen.at(-1) !== status) window.heraldSeen.push(status);
    };
    record();
    new MutationObserver(record).observe(element, { subtree: true, attributes: true, childList: true });
  });
  await card.locator('[data-status="Published"]').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.evaluate(() => window.heraldNoReload), true);
  // In order, each state at most once (a fast worker may move on before a state is drawn)
  const seen = await page.evaluate(() => window.heraldSeen);
  const order = ["SCHEDULED", "QUEUED", "PUBLISHING", "PUBLISHED"];
  assert.equal(seen.at(-1), "PUBLISHED");
  assert.deepEqual(seen, order.filter((s) => seen.includes(s)), `badge went ${seen.join(" → ")}`);
  await shot(page, "24-posts-published-live");
  await card.getByRole("link", { name: /View on Bluesky/ }).waitFor();
  await checkA11y(page, "posts (published)");
  const published = await pdsPosts(text);
  assert.equal(published.length, 1); // on the PDS, once
  assert.equal(published[0].value.embed?.images?.[0]?.alt, "Coloured stripes"); // with its image and alt text

  // Filters, all applied by the API (PostFilter): status, network and account compose
  await page.getByLabel("Status").selectOption("SCHEDULED");
  await page.getByText("No posts match these filters.").waitFor();
  await page.getByLabel("Status").selectOption("PUBLISHED");
  await card.waitFor();
  assert.match(page.url(), /status=PUBLISHED/);
  await page.getByLabel("Network").selectOption("BLUESKY");
  const [accountOption] = await page.getByLabel("Account").locator("option[value]:not([value=''])").evaluateAll((options) => options.map((o) => o.value));
  await page.getByLabel("Account").selectOption(accountOption);
  await card.waitFor();
  assert.match(page.url(), /status=PUBLISHED&network=BLUESKY&account=/);
  await page.getByText(/^\d+ of \d+ matching$/).waitFor();
  await page.getByLabel("Status").selectOption("");
  await page.getByLabel("Network").selectOption("");
  await page.getByLabel("Account").selectOption("");

  // A second post, two days ahead at 10:00: on the calendar's week, dragged to another day
  const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
  const day = wallClock(inTwoDays, "Europe/Berlin").slice(0, 10);
  const later = `Planned on the calendar, ${Date.now()}`;
  await page.getByRole("link", { name: "New post" }).click();
  await page.getByLabel("Text", { exact: true }).fill(later);
  await page.getByText("Choose from the library").click(); // the image uploaded before is there, READY
  await page.getByRole("button", { name: "stripes.png", pressed: false }).waitFor();
  await page.getByLabel("Date and time (Europe/Berlin)").fill(`${day}T10:00`);
  await page.getByRole("button", { name: "Schedule" }).click();
  await page.getByRole("status").getByText("The post is scheduled.").waitFor();
  await page.goto(`${pdsBase}/calendar?view=week&date=${day}`);
  const chip = page.locator("button[data-post-id]").filter({ hasText: later });
  await chip.waitFor();
  assert.equal(await chip.locator("xpath=..").getAttribute("data-slot"), `${day}T10`);
  await page.locator(`[data-connection="live"]`).waitFor();
  await shot(page, "25-calendar-week");
  await checkA11y(page, "calendar (week)");
  // The next day if the week shows it, else the day before (tomorrow: still ahead)
  const columns = await page.locator('[data-slot$="T10"]').evaluateAll((slots) => slots.map((s) => s.dataset.slot.slice(0, 10)));
  const index = columns.indexOf(day);
  const target = columns[index + 1] ?? columns[index - 1];
  await chip.dragTo(page.locator(`[data-slot="${target}T14"]`));
  await page.getByRole("status").getByText(/^Moved to/).waitFor();
  await page.locator(`[data-slot="${target}T14"]`).locator("button[data-post-id]").filter({ hasText: later }).waitFor();
  await shot(page, "26-calendar-week-dragged");

  // The keyboard way: open the post, "Move to…" a time, Move
  await page.getByRole("button", { name: "Month" }).click();
  const monthChip = page.locator("button[data-post-id]").filter({ hasText: later });
  await monthChip.waitFor();
  assert.equal(await monthChip.locator("xpath=..").getAttribute("data-slot"), target);
  await shot(page, "27-calendar-month");
  await checkA11y(page, "calendar (month)");
  await monthChip.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Post" });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel("Move to (Europe/Berlin)").inputValue(), `${target}T14:00`);
  await shot(page, "28-calendar-post-dialog");
  await checkA11y(page, "calendar (post dialog)");
  await dialog.getByLabel("Move to (Europe/Berlin)").fill(`${day}T09:15`);
  await dialog.getByRole("button", { name: "Move" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.locator(`[data-slot="${day}"]`).locator("button[data-post-id]").filter({ hasText: later }).waitFor();
  assert.match(await monthChip.innerText(), /09:15/);

  // 375 px wide: the month, the posts and the composer fit
  await page.setViewportSize({ width: 375, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), "the calendar overflows at 375 px");
  await shot(page, "29-calendar-month-375px");
  await page.getByRole("button", { name: "Week" }).click();
  await page.locator('[data-slot$="T10"]').first().waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), "the week overflows at 375 px");
  await shot(page, "30-calendar-week-375px");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Posts" }).click();
  await card.waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), "the posts overflow at 375 px");
  await shot(page, "31-posts-375px");
  await page.getByRole("link", { name: "New post" }).click();
  await page.getByRole("heading", { name: "New post" }).waitFor();
  await page.getByLabel("Text", { exact: true }).fill(`A narrow screen, a long link: https://example.com/${"very-long-path/".repeat(6)} #herald`);
  await page.getByRole("tabpanel").locator("figure").getByText(/very-long-path/).first().waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), "the composer overflows at 375 px");
  await shot(page, "32-composer-375px");
  await checkA11y(page, "composer (375 px)");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Cancel the planned post, then delete it after confirming
  await page.getByRole("link", { name: "← Posts" }).click();
  const planned = page.getByRole("listitem").filter({ has: page.getByText(later, { exact: true }) });
  await planned.getByRole("button", { name: "Cancel post" }).click();
  await planned.locator('[data-status="Cancelled"]').first().waitFor();
  await planned.getByRole("button", { name: "Delete post" }).click();
  const confirmDelete = page.getByRole("dialog", { name: "Delete this post?" });
  await confirmDelete.waitFor();
  await checkA11y(page, "posts (delete dialog)");
  await confirmDelete.getByRole("button", { name: "Delete post" }).click();
  await planned.waitFor({ state: "detached" });

  // The published post, deleted from Bluesky after confirming: gone from the PDS, still listed
  await card.getByRole("button", { name: "Delete from Bluesky" }).click();
  const confirmRemove = page.getByRole("dialog", { name: "Delete from Bluesky?" });
  await confirmRemove.waitFor();
  await shot(page, "33-posts-delete-from-bluesky");
  await confirmRemove.getByRole("button", { name: "Delete from Bluesky" }).click();
  await card.getByText("Deleted from Bluesky").first().waitFor();
  assert.equal((await pdsPosts(text)).length, 0);
  await shot(page, "34-posts-deleted-from-bluesky");

  // A post whose account is disconnected before it is due: Failed, the reason in words, and Retry once the
  // account is back publishes it (the API does the disconnecting and reconnecting, to beat the clock)
  const token = await page.evaluate(() => localStorage.getItem("herald.token"));
  const api = async (query, variables) => {
    const response = await fetch(`${pdsBase}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()).data;
  };
  const workspaceId = await page.getByLabel("Workspace").inputValue();
  const { socialAccounts } = await api("query($w: ID!) { socialAccounts(workspaceId: $w) { id } }", { w: workspaceId });
  const doomed = `Sent while the account was away, ${Date.now()}`;
  await page.getByRole("link", { name: "New post" }).click();
  await page.getByLabel("Text", { exact: true }).fill(doomed);
  await page.getByLabel("Date and time (Europe/Berlin)").fill(wallClock(new Date(Date.now() + 15_000), "Europe/Berlin"));
  await page.getByRole("button", { name: "Schedule" }).click();
  await page.getByRole("status").getByText("The post is scheduled.").waitFor();
  const away = await api("mutation($id: ID!) { socialAccountDisconnect(id: $id) { userErrors { code } } }", { id: socialAccounts[0].id });
  assert.deepEqual(away.socialAccountDisconnect.userErrors, []);
  const failed = page.getByRole("listitem").filter({ has: page.getByText(doomed, { exact: true }) });
  await failed.locator('[data-status="Failed"]').first().waitFor({ timeout: 60_000 });
  assert.match(await failed.innerText(), /disconnected[\s\S]*\(ACCOUNT_DISCONNECTED\)/);
  await shot(page, "35-posts-failed");
  await checkA11y(page, "posts (failed)");
  const back = await api(
    "mutation($input: BlueskyAccountConnectInput!) { blueskyAccountConnect(input: $input) { userErrors { code } } }",
    { input: { workspaceId, handle: pds.handle, appPassword: pds.appPassword, serviceUrl: pds.url } },
  );
  assert.deepEqual(back.blueskyAccountConnect.userErrors, []);
  await failed.getByRole("button", { name: "Retry Bluesky" }).click();
  await failed.locator('[data-status="Published"]').first().waitFor({ timeout: 60_000 });
  assert.equal((await pdsPosts(doomed)).length, 1);
  await shot(page, "36-posts-retried");

  // Published now: postCreate, then postPublishNow
  const now = `Published at once, ${Date.now()}`;
  await page.getByRole("link", { name: "New post" }).click();
  await page.getByLabel("Text", { exact: true }).fill(now);
  await page.getByLabel("Now").check();
  await page.getByRole("button", { name: "Publish now" }).click();
  await page.getByRole("status").getByText("The post is on its way.").waitFor();
  const atOnce = page.getByRole("listitem").filter({ has: page.getByText(now, { exact: true }) });
  await atOnce.locator('[data-status="Published"]').first().waitFor({ timeout: 60_000 });
  assert.equal((await pdsPosts(now)).length, 1);

  // A file a draft uses: Delete is refused with MEDIA_IN_USE, and the dialog names the post (the API upload:
  // the composer attaches no media yet)
  const png = noisePng(32);
  const { mediaUploadCreate: ticket } = await api(
    `mutation($input: MediaUploadCreateInput!) { mediaUploadCreate(input: $input) {
      asset { id } uploadUrl uploadMethod uploadHeaders { name value } userErrors { code } } }`,
    { input: { workspaceId, filename: "in-use.png", contentType: "image/png", byteSize: png.length } },
  );
  assert.deepEqual(ticket.userErrors, []);
  const put = await fetch(new URL(ticket.uploadUrl, pdsBase), {
    method: ticket.uploadMethod,
    headers: Object.fromEntries(ticket.uploadHeaders.map((h) => [h.name, h.value])),
    body: png,
  });
  assert.ok(put.ok, `the upload answered ${put.status}`);
  const { mediaUploadComplete } = await api("mutation($id: ID!) { mediaUploadComplete(id: $id) { asset { status } } }", { id: ticket.asset.id });
  assert.equal(mediaUploadComplete.asset.status, "READY");
  const draftText = `A draft with a photo, ${Date.now()}`;
  const { socialAccounts: accountsNow } = await api("query($w: ID!) { socialAccounts(workspaceId: $w) { id } }", { w: workspaceId });
  const { postCreate } = await api("mutation($input: PostCreateInput!) { postCreate(input: $input) { userErrors { code } } }", {
    input: { workspaceId, text: draftText, targets: [{ accountId: accountsNow[0].id }], mediaIds: [ticket.asset.id] },
  });
  assert.deepEqual(postCreate.userErrors, []);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Media" }).click();
  const inUse = page.getByRole("listitem").filter({ has: page.getByText("in-use.png", { exact: true }) });
  await inUse.getByRole("button", { name: "Delete" }).click();
  const refuse = page.getByRole("dialog", { name: "Delete in-use.png?" });
  await refuse.getByRole("button", { name: "Delete file" }).click();
  await refuse.getByRole("alert").getByText(/MEDIA_IN_USE/).waitFor();
  await refuse.getByRole("list", { name: "Posts that use this file" }).getByText(draftText, { exact: false }).waitFor();
  await shot(page, "37a-media-in-use");
  await checkA11y(page, "media (in use)");
  await refuse.getByRole("button", { name: "Cancel" }).click();
  await inUse.waitFor(); // still there

  // Analytics with posts published: Bluesky's row, and the heatmap's cells with their counts (the local PDS
  // has no AppView, so there may be no numbers: a dash then, never 0)
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Analytics" }).click();
  await page.getByRole("heading", { name: "Analytics", level: 1 }).waitFor();
  await page.getByRole("rowheader", { name: "Bluesky" }).waitFor();
  assert.ok((await page.locator('table td[data-level]:not([data-level="0"])').count()) > 0, "the heatmap shows no posts");
  await shot(page, "38a-analytics-published");
  await checkA11y(page, "analytics (published)");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Posts" }).click();

  // A second workspace, in another zone: chosen at once, its zone shown where times are
  await page.getByRole("button", { name: "New workspace" }).click();
  const create = page.getByRole("dialog", { name: "New workspace" });
  await create.getByRole("button", { name: "Create workspace" }).click();
  await create.locator("#workspace-name-error").waitFor(); // INVALID_WORKSPACE_NAME next to the name
  await shot(page, "37-workspace-create-error");
  await checkA11y(page, "new workspace (error)");
  await create.getByLabel("Name").fill("Tokyo desk");
  await create.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await create.getByRole("button", { name: "Create workspace" }).click();
  await create.waitFor({ state: "detached" });
  await page.getByText("Time zone: Asia/Tokyo").waitFor();
  assert.equal(await page.getByLabel("Workspace").locator("option:checked").innerText(), "Tokyo desk");
  await page.getByText("No posts yet.").waitFor(); // the new workspace's own (empty) list
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Calendar" }).click();
  await page.getByText("(Asia/Tokyo)").waitFor();
  await page.locator("[data-slot]").first().waitFor();
  await shot(page, "38-workspace-tokyo-calendar");

  await page.close();
  assert.deepEqual(cspViolations, []);
});

test("the media library: upload with progress to Ready, a rejected file's reason, alt text, delete; Analytics", async () => {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${base}/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/signup`);
  await page.getByLabel("Your name").fill("Mary");
  await page.getByLabel("Email").fill(`mary-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByRole("heading", { name: "Posts" }).waitFor();

  // Empty library, with the storage used
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Media" }).click();
  await page.getByRole("heading", { name: "Media", level: 1 }).waitFor();
  await page.getByText("No files yet.").waitFor();
  assert.match(await page.getByText(/^Storage: /).innerText(), /^Storage: 0 B of .+ used$/);
  await checkA11y(page, "media (empty)");

  // A 1 MB photo over a link slowed to 256 KB/s: the bar moves, then the file is checked and Ready
  await page.evaluate(() => {
    window.heraldUploads = [];
    new MutationObserver(() => {
      const row = document.querySelector("[data-upload-phase]");
      const bar = row?.querySelector("progress");
      const seen = `${row?.dataset.uploadPhase}:${bar?.value ?? ""}`;
      if (row && window.heraldUploads.at(-1) !== seen) window.heraldUploads.push(seen);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  await page.getByLabel("Choose files").setInputFiles({ name: "harbour.png", mimeType: "image/png", buffer: noisePng(600) });
  await page.locator('[data-upload-phase="sending"]').waitFor();
  await shot(page, "39-media-uploading");
  await page.locator('[data-upload-phase="ready"]').waitFor({ timeout: 60_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const phases = await page.evaluate(() => window.heraldUploads);
  const fractions = phases.filter((p) => p.startsWith("sending:")).map((p) => Number(p.split(":")[1]));
  assert.ok(fractions.some((f) => f > 0 && f < 1), `no progress between 0 and 1: ${phases.join(" ")}`);
  assert.equal(phases.at(-1), "ready:");
  const card = page.getByRole("listitem").filter({ has: page.getByText("harbour.png", { exact: true }) });
  await card.locator('[data-status="Ready"]').waitFor();
  await card.locator("img").waitFor();
  assert.ok(await card.locator("img").evaluate((img) => img.complete && img.naturalWidth > 0), "the thumbnail did not load");

  // Dropped: a file that only claims to be an image is Rejected, with the reason in words
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["not an image at all"], "notes.png", { type: "image/png" }));
    return transfer;
  });
  await page.getByText("Drop images or videos here").locator("..").dispatchEvent("drop", { dataTransfer: dropped });
  const rejected = page.locator('[data-upload-phase="rejected"]');
  await rejected.waitFor();
  assert.match(await rejected.innerText(), /notes\.png[\s\S]*Rejected: \S+/);
  await page.getByRole("listitem").filter({ has: page.getByText("notes.png", { exact: true }) }).locator('[data-status="Rejected"]').waitFor();
  await shot(page, "40-media-library");
  await checkA11y(page, "media (uploaded)");

  // Alt text, kept across a reload; then filters
  await card.getByLabel("Alt text for harbour.png").fill("Boats in a harbour at dusk");
  await card.getByRole("button", { name: "Save alt text" }).click();
  await page.getByRole("status").getByText("Alt text of harbour.png saved.").waitFor();
  await page.reload(); // at /library: the console's page, not Herald's /media/ file routes
  assert.equal(new URL(page.url()).pathname, "/library");
  assert.equal(await card.getByLabel("Alt text for harbour.png").inputValue(), "Boats in a harbour at dusk");
  assert.equal(await card.locator("img").getAttribute("alt"), "Boats in a harbour at dusk");
  await page.getByLabel("Status").selectOption("REJECTED");
  await card.waitFor({ state: "detached" });
  assert.match(page.url(), /status=REJECTED/);
  await page.getByLabel("Status").selectOption("");
  await card.waitFor();

  // 375 px wide: the library fits
  await page.setViewportSize({ width: 375, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), "the library overflows at 375 px");
  await shot(page, "41-media-375px");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Delete after confirming
  await card.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete harbour.png?" });
  await confirm.waitFor();
  await checkA11y(page, "media (delete dialog)");
  await confirm.getByRole("button", { name: "Delete file" }).click();
  await card.waitFor({ state: "detached" });
  await page.getByRole("status").getByText("harbour.png deleted.").waitFor();

  // Analytics: nothing published yet, said, with the heatmap and the period in the workspace's zone
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Analytics" }).click();
  await page.getByRole("heading", { name: "Analytics", level: 1 }).waitFor();
  await page.getByText("No post was published in this period").waitFor();
  assert.match(await page.getByText(/\(Europe\/Berlin\)$/).innerText(), /to/);
  assert.equal(await page.locator("table td[data-level]").count(), 7 * 24);
  assert.ok((await page.locator("[data-not-reported]").count()) > 0, "a metric not reported is not shown as a dash");
  await page.getByLabel("Period").selectOption("7");
  assert.match(page.url(), /period=7/);
  await page.locator('[data-connection="live"]').waitFor();
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = page.getByRole("link", { name: "Download the CSV" });
  await download.waitFor();
  const csv = await fetch(new URL(await download.getAttribute("href"), base));
  assert.equal(csv.status, 200);
  await shot(page, "42-analytics-empty");
  await checkA11y(page, "analytics (empty)");
  await page.setViewportSize({ width: 375, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), "analytics overflows at 375 px");
  await shot(page, "43-analytics-375px");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Analytics is live: when the session ends elsewhere, the server closes its websocket (4403) and the user
  // is sent to log in with the message at once, without a reload
  const token = await page.evaluate(() => localStorage.getItem("herald.token"));
  const ended = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "mutation { logOut }" }),
  });
  assert.deepEqual(await ended.json(), { data: { logOut: true } });
  await page.getByText("Your session has expired or was ended").waitFor();
  assert.equal(new URL(page.url()).pathname, "/login");

  await page.close();
  assert.deepEqual(cspViolations, []);
});
