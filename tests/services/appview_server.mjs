// A throwaway Bluesky network with an AppView, for Herald's analytics tests: @atproto/dev-env's
// TestNetwork runs PLC, a PDS that proxies app.bsky.* to the AppView, the AppView (indexing the PDS's
// firehose into PostgreSQL) and its helpers in this one Node process. Started by
// tests/services/appview.py with Node 22, HERALD_DEVENV_PACKAGES pointing at the packages
// scripts/install-devenv.sh installed, DB_POSTGRES_URL and REDIS_HOST set.
//
//   node appview_server.mjs --schema NAME         run until SIGTERM/SIGINT or stdin closes
//   node appview_server.mjs --schema NAME --drop  only drop the run's PostgreSQL schemas, then exit
//
// Prints one JSON line {"pdsUrl", "appviewUrl", "plcUrl"} on stdout once everything listens. The
// AppView keeps its tables in the schemas appview_NAME, bsync_NAME and ozone_NAME: they are dropped
// when the network stops (and by --drop, which the Python side runs afterwards in case this process
// was killed before it could).
import { createRequire } from 'node:module'
import path from 'node:path'
import { parseArgs } from 'node:util'

const packagesDir = process.env.HERALD_DEVENV_PACKAGES
if (!packagesDir) {
  throw new Error('HERALD_DEVENV_PACKAGES must point at the directory holding node_modules/@atproto/dev-env')
}
const requireFromPackages = createRequire(path.join(packagesDir, 'package.json'))

const { values: args } = parseArgs({
  options: { schema: { type: 'string' }, drop: { type: 'boolean', default: false } },
})
// dev-env builds schema names from this one; PostgreSQL identifiers here hold letters and _ only.
if (!args.schema || !/^[a-z_]+$/.test(args.schema)) {
  throw new Error('usage: appview_server.mjs --schema NAME (lower-case letters and _) [--drop]')
}
const schemas = ['appview', 'bsync', 'ozone'].map((service) => `${service}_${args.schema}`)

async function dropSchemas() {
  const pg = requireFromPackages('pg')
  const client = new pg.Client({ connectionString: process.env.DB_POSTGRES_URL })
  await client.connect()
  try {
    for (const schema of schemas) {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    }
  } finally {
    await client.end()
  }
}

if (args.drop) {
  await dropSchemas()
  process.exit(0)
}

const { TestNetwork } = await import(requireFromPackages.resolve('@atproto/dev-env'))
const network = await TestNetwork.create({ dbPostgresSchema: args.schema })

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  try {
    await network.close()
    await dropSchemas()
  } finally {
    process.exit(0)
  }
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()

process.stdout.write(
  `${JSON.stringify({ pdsUrl: network.pds.url, appviewUrl: network.bsky.url, plcUrl: network.plc.url })}\n`,
)
