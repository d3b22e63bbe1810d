// After `vite build`: dist/index.html has no inline script (Herald's CSP forbids them), and the first
// route's JavaScript (the scripts index.html loads and preloads) stays within its gzip budget.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_GZIP_BYTES = 250 * 1024;
const dist = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), "dist");
const html = await readFile(path.join(dist, "index.html"), "utf8");

const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
  ([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim() !== "",
);
if (inline.length || /\son[a-z]+=/i.test(html)) {
  console.error("dist/index.html has an inline script or event handler: Herald's CSP would block it.");
  process.exit(1);
}
const scripts = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const src of scripts) total += gzipSync(await readFile(path.join(dist, src))).length;
console.log(`first route: ${scripts.length} script(s), ${(total / 1024).toFixed(1)} KB gzip (budget 250 KB)`);
if (total > BUDGET_GZIP_BYTES) process.exit(1);
