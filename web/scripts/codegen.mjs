// Operation types from ../schema.graphql and the graphql(`...`) documents under src/ (GraphQL Code
// Generator, client preset). `--check` writes nothing and fails when src/gql/ differs from what it would
// write: CI's guard against types that no longer match the schema or the operations.
import { readFile } from "node:fs/promises";
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes("--check");
process.chdir(root);

const outputs = await generate(
  {
    schema: "../schema.graphql",
    documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
    ignoreNoDocuments: true,
    silent: true,
    generates: {
      "src/gql/": {
        preset: "client",
        presetConfig: { fragmentMasking: false },
        config: { useTypeImports: true, enumsAsTypes: true, skipTypename: true, scalars: { DateTime: "string", Date: "string" } },
      },
    },
  },
  false,
);

const stale = [];
for (const { filename, content } of outputs) {
  const target = path.resolve(root, filename);
  const current = await readFile(target, "utf8").catch(() => null);
  if (current === content) continue;
  if (check) {
    stale.push(path.relative(root, target));
  } else {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    console.log(`wrote ${path.relative(root, target)}`);
  }
}
if (stale.length) {
  console.error(`Generated GraphQL types are stale: ${stale.join(", ")}. Run \`npm run codegen\` in web/.`);
  process.exit(1);
}
if (check) console.log("codegen: generated types are up to date");
