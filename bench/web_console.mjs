// The web console's performance figures (issue 11), measured in headless Chromium over loopback against a
// real `herald dev` and printed next to their targets; nothing is asserted (it exits 0 unless it cannot
// measure at all). It builds nothing: run `make web` first (`make bench-web` does).
//
//   1. First load of /posts in a fresh browser context (cold cache, signed in through localStorage):
//      first contentful paint from `performance.getEntriesByType("paint")`, and the JavaScript the route
//      loads — before first paint and by the time the posts are listed — as gzip -9 sizes of the files in
//      web/dist/assets (what the target counts) and as bytes on the wire (Resource Timing's transferSize).
//      The gzip size of every chunk in web/dist/assets is listed too.
//   2. The calendar's month with 500 scheduled posts: from the "Month" button's click (on the week of the
//      same date) to the month grid holding all 500 chips (a MutationObserver counts
//      `[aria-label=Month] button[data-post-id]`); also from the calendarEntries response's body arriving
//      (fetch wrapped by an init script) to that grid — the rendering alone — and a full page load of
//      /calendar?view=month from navigation start to the grid.
//   3. A status event to the badge: postCancel from outside the page (so the page learns of it only through
//      its websocket) on posts the Posts page shows; in the page, the time between the websocket frame
//      carrying the post's change (a `message` listener added when the socket is built, ahead of
//      graphql-ws's own) and the post's `data-target-status` leaving SCHEDULED (MutationObserver).
//
//   node bench/web_console.mjs        (or `make bench-web`; CHROMIUM, HERALD_PYTHON as for `make web-e2e`)
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const web = path.join(repo, "web");
const assets = path.join(web, "dist", "assets");
const { chromium } = createRequire(path.join(web, "package.json"))("playwright-core");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const python = process.env.HERALD_PYTHON ?? path.join(repo, ".venv", "bin", "python");
const POSTS = 500;
const EVENTS = 10;
const LOADS = 3;

const children = [];
let scratch;

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

/** The PDS and the networks' fakes (tests/services/e2e_services.py): `{ pds, env }`; they stop with stdin. */
async function startServices() {
  const services = spawn(python, ["-m", "tests.services.e2e_services", "bench.test"], { cwd: repo, stdio: ["pipe", "pipe", "inherit"] });
  children.push({ child: services, stop: () => services.stdin.end() });
  let out = "";
  for await (const chunk of services.stdout) {
    out += chunk;
    if (out.includes("\n")) return JSON.parse(out.slice(0, out.indexOf("\n")));
  }
  throw new Error(`the e2e services exited with ${services.exitCode} before they were ready`);
}

/** `herald dev` on a free port, its data under the scratch directory, calling the services' loopback fakes. */
async function startHerald(env) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const environment = { ...process.env };
  for (const key of ["MONGODB_URL", "REDIS_URL", "RABBITMQ_URL", "FERNET_KEYS"]) delete environment[key];
  Object.assign(environment, {
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_BASE_URL: url,
    DATA_DIR: path.join(scratch, "var"),
    WEB_DIST_DIR: path.join(web, "dist"),
    LOG_LEVEL: "WARNING",
    FETCH_ALLOW_PRIVATE_ADDRESSES: "true",
    ...env,
  });
  const child = spawn(python, ["-c", "from app.cli import main; main()", "dev"], {
    cwd: scratch,
    env: environment,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push({ child, stop: () => process.kill(-child.pid, "SIGINT") });
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`herald dev exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("herald dev did not answer /healthz in 90 s");
}

async function stopAll() {
  for (const { child, stop } of children.reverse()) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      stop();
    } catch {
      continue;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  }
}

function graphqlClient(base) {
  let token = null;
  const call = async (query, variables) => {
    const headers = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${base}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  call.signIn = (value) => {
    token = value;
  };
  return call;
}

/** A user, their workspace (UTC), the PDS's account connected, and POSTS posts scheduled across next month. */
async function seed(api, pds) {
  const { signUp } = await api(
    "mutation($input: SignUpInput!) { signUp(input: $input) { token userErrors { code message } } }",
    { input: { email: `bench-${Date.now()}@example.test`, password: "correct horse battery", name: "Bench", timezone: "UTC" } },
  );
  if (!signUp.token) throw new Error(`signUp: ${JSON.stringify(signUp.userErrors)}`);
  api.signIn(signUp.token);
  const { workspaces } = await api("{ workspaces { id } }");
  const workspaceId = workspaces[0].id;
  const { blueskyAccountConnect } = await api(
    "mutation($input: BlueskyAccountConnectInput!) { blueskyAccountConnect(input: $input) { account { id } userErrors { code message } } }",
    { input: { workspaceId, handle: pds.handle, appPassword: pds.appPassword, serviceUrl: pds.url } },
  );
  if (!blueskyAccountConnect.account) throw new Error(`blueskyAccountConnect: ${JSON.stringify(blueskyAccountConnect.userErrors)}`);
  const accountId = blueskyAccountConnect.account.id;
  const now = new Date();
  const month = { year: now.getUTCFullYear() + (now.getUTCMonth() === 11 ? 1 : 0), month: (now.getUTCMonth() + 1) % 12 };
  const started = performance.now();
  let next = 0;
  const createOne = async () => {
    for (let i = next++; i < POSTS; i = next++) {
      // 28 days × 18 slots from 06:00, so every post is inside the month's own days
      const at = new Date(Date.UTC(month.year, month.month, 1 + (i % 28), 6 + Math.floor(i / 28), (i * 7) % 60));
      const { postCreate } = await api(
        "mutation($input: PostCreateInput!) { postCreate(input: $input) { post { id } userErrors { code message } } }",
        { input: { workspaceId, text: `Bench post ${i + 1} of ${POSTS}`, targets: [{ accountId }], scheduledAt: at.toISOString() } },
      );
      if (!postCreate.post) throw new Error(`postCreate: ${JSON.stringify(postCreate.userErrors)}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, createOne));
  const seedSeconds = (performance.now() - started) / 1000;
  const middle = `${month.year}-${String(month.month + 1).padStart(2, "0")}-15`;
  return { token: signUp.token, workspaceId, middle, seedSeconds };
}

/** In every page before its scripts: websocket frames and calendarEntries responses, timed. */
function instrument() {
  window.__bench = { frames: [], calendarData: [] };
  // performance.now() when the month grid holds `count` chips
  window.__bench.monthGrid = (count) =>
    new Promise((resolve) => {
      const chips = () => document.querySelectorAll('[aria-label="Month"] button[data-post-id]').length;
      if (chips() >= count) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (chips() >= count) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.documentElement, { subtree: true, childList: true });
    });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      // added before graphql-ws sets onmessage, so it runs first
      this.addEventListener("message", (event) => {
        const t = performance.now();
        try {
          const change = JSON.parse(event.data)?.payload?.data?.postStatusChanged;
          if (change) window.__bench.frames.push({ id: change.post.id, status: change.target?.status, t });
        } catch {
          // not JSON
        }
      });
    }
  };
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const started = performance.now();
    const response = await nativeFetch(input, init);
    // urql sends a short query as a GET: the operation is in the URL, or else in the body
    const url = typeof input === "string" ? input : (input?.url ?? String(input));
    if ((url + (typeof init?.body === "string" ? init.body : "")).includes("CalendarEntries")) {
      const text = await response.clone().text();
      window.__bench.calendarData.push({ started, t: performance.now(), bytes: text.length });
    }
    return response;
  };
}

function gzipSize(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(0)} ms`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function firstLoad(browser, base, signedIn) {
  const context = await browser.newContext({ storageState: signedIn, viewport: { width: 1280, height: 800 }, timezoneId: "UTC" });
  const page = await context.newPage();
  await page.goto(`${base}/posts`);
  await page.locator("li[data-post-id]").first().waitFor({ timeout: 30_000 });
  const figures = await page.evaluate(() => {
    const fcp = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime;
    const scripts = performance
      .getEntriesByType("resource")
      .filter((e) => new URL(e.name).pathname.endsWith(".js"))
      .map((e) => ({ file: new URL(e.name).pathname.split("/").pop(), end: e.responseEnd, transfer: e.transferSize }));
    return { fcp, scripts };
  });
  await context.close();
  const sized = figures.scripts.map((s) => ({ ...s, gzip: gzipSize(path.join(assets, s.file)) }));
  const beforePaint = sized.filter((s) => s.end <= figures.fcp);
  const sum = (list, key) => list.reduce((n, s) => n + s[key], 0);
  return {
    fcp: figures.fcp,
    beforePaint: { files: beforePaint.length, gzip: sum(beforePaint, "gzip"), transfer: sum(beforePaint, "transfer") },
    route: { files: sized.length, gzip: sum(sized, "gzip"), transfer: sum(sized, "transfer") },
  };
}

async function calendar(context, base, middle) {
  const page = await context.newPage();
  // A full load of the month: navigation start (0) to the grid
  await page.goto(`${base}/calendar?view=month&date=${middle}`);
  const loaded = await page.evaluate((count) => window.__bench.monthGrid(count), POSTS);
  const clicks = [];
  for (let run = 0; run < 3; run++) {
    await page.goto(`${base}/calendar?view=week&date=${middle}`);
    await page.locator('[data-slot$="T10"]').first().waitFor();
    await page.waitForLoadState("networkidle");
    const { clicked, grid, data } = await page.evaluate(async (count) => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Month");
      const seen = window.__bench.calendarData.length;
      const clickedAt = performance.now();
      const gridAt = window.__bench.monthGrid(count);
      button.click();
      const gridTime = await gridAt;
      return { clicked: clickedAt, grid: gridTime, data: window.__bench.calendarData.slice(seen).at(-1) };
    }, POSTS);
    clicks.push({
      total: grid - clicked,
      request: data ? data.t - data.started : NaN,
      bytes: data?.bytes ?? NaN,
      render: data ? grid - data.t : NaN,
    });
  }
  await page.close();
  return { loaded, clicks };
}

async function statusEvents(context, base, api) {
  const page = await context.newPage();
  await page.goto(`${base}/posts`);
  await page.locator("li[data-post-id]").first().waitFor();
  await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
  const ids = await page.evaluate(() => [...document.querySelectorAll("li[data-post-id]")].map((li) => li.dataset.postId));
  await page.evaluate(() => {
    window.__bench.badges = {};
    const record = () => {
      const t = performance.now();
      for (const li of document.querySelectorAll("li[data-post-id]")) {
        const status = li.querySelector("[data-target-status]")?.dataset.targetStatus;
        if (status && status !== "SCHEDULED" && !(li.dataset.postId in window.__bench.badges)) window.__bench.badges[li.dataset.postId] = t;
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const delays = [];
  for (const id of ids.slice(0, EVENTS)) {
    const { postCancel } = await api("mutation($id: ID!) { postCancel(id: $id) { userErrors { code message } } }", { id });
    if (postCancel.userErrors.length) throw new Error(`postCancel: ${JSON.stringify(postCancel.userErrors)}`);
    await page.waitForFunction((postId) => postId in window.__bench.badges, id, { timeout: 15_000 });
    const delay = await page.evaluate((postId) => {
      const frame = window.__bench.frames.find((f) => f.id === postId);
      return frame ? window.__bench.badges[postId] - frame.t : null;
    }, id);
    if (delay !== null) delays.push(delay);
    await new Promise((r) => setTimeout(r, 200));
  }
  await page.close();
  return delays;
}

async function main() {
  if (!statSync(path.join(web, "dist", "index.html"), { throwIfNoEntry: false })) {
    throw new Error("web/dist is missing: run `make web` first");
  }
  scratch = mkdtempSync(path.join(tmpdir(), "herald-bench-web-"));
  const services = await startServices();
  const base = await startHerald(services.env);
  const api = graphqlClient(base);
  const seeded = await seed(api, services.pds);
  const signedIn = {
    cookies: [],
    origins: [{ origin: base, localStorage: [{ name: "herald.token", value: seeded.token }, { name: "herald.workspace", value: seeded.workspaceId }] }],
  };
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await firstLoad(browser, base, signedIn));
    const context = await browser.newContext({ storageState: signedIn, viewport: { width: 1280, height: 800 }, timezoneId: "UTC" });
    await context.addInitScript(instrument);
    const month = await calendar(context, base, seeded.middle);
    const delays = await statusEvents(context, base, api);
    await context.close();

    const chunks = readdirSync(assets)
      .filter((f) => f.endsWith(".js") || f.endsWith(".css"))
      .map((f) => ({ file: f, raw: statSync(path.join(assets, f)).size, gzip: gzipSize(path.join(assets, f)) }))
      .sort((a, b) => b.gzip - a.gzip);
    const load = loads.sort((a, b) => a.fcp - b.fcp)[Math.floor((loads.length - 1) / 2)];
    const sorted = [...delays].sort((a, b) => a - b);
    const rows = [
      ["First load of /posts: FCP (median of " + LOADS + ", all: " + loads.map((l) => ms(l.fcp)).join(", ") + ")", ms(load.fcp), "≤ 1000 ms"],
      [`  JS before first paint (${load.beforePaint.files} files), gzip -9`, kb(load.beforePaint.gzip), "≤ 250 KB"],
      ["  JS before first paint, transferred", kb(load.beforePaint.transfer), ""],
      [`  JS by the time the posts are listed (${load.route.files} files), gzip -9`, kb(load.route.gzip), "≤ 250 KB"],
      ["  JS by the time the posts are listed, transferred", kb(load.route.transfer), ""],
      [`Calendar month, ${POSTS} posts: "Month" click → grid (3 runs: ${month.clicks.map((c) => ms(c.total)).join(", ")})`, ms(median(month.clicks.map((c) => c.total))), "≤ 200 ms"],
      [`  calendarEntries body arrived → grid (${month.clicks.map((c) => ms(c.render)).join(", ")})`, ms(median(month.clicks.map((c) => c.render))), "≤ 200 ms"],
      [`  of which calendarEntries, request → body (${month.clicks.map((c) => ms(c.request)).join(", ")}; ${kb(month.clicks[0].bytes)} JSON)`, ms(median(month.clicks.map((c) => c.request))), ""],
      ["  full page load of the month, navigation start → grid", ms(month.loaded), ""],
      [`Status event → badge, p50 (${sorted.length} events)`, sorted.length ? ms(median(sorted)) : "n/a", "≤ 100 ms"],
      ["Status event → badge, max", sorted.length ? ms(sorted.at(-1)) : "n/a", "≤ 100 ms"],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\nWeb console (${POSTS} posts seeded in ${seeded.seedSeconds.toFixed(1)} s; Chromium headless, loopback)\n`);
    console.log(`${"Measure".padEnd(width)}  ${"Figure".padStart(9)}  Target`);
    for (const [name, figure, target] of rows) console.log(`${name.padEnd(width)}  ${figure.padStart(9)}  ${target}`);
    console.log(`\nweb/dist/assets (gzip -9, raw):`);
    for (const c of chunks) console.log(`  ${c.file.padEnd(44)} ${kb(c.gzip).padStart(9)}  ${kb(c.raw).padStart(9)}`);
    console.log(`  ${"total JS".padEnd(44)} ${kb(chunks.filter((c) => c.file.endsWith(".js")).reduce((n, c) => n + c.gzip, 0)).padStart(9)}`);
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopAll();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
