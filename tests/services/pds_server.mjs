// A throwaway Bluesky PDS for Herald's tests: an in-memory PLC directory and an @atproto/pds that
// keeps its data under --dir. Started by tests/services/pds.py with Node 22, HERALD_PDS_PACKAGES
// pointing at the packages scripts/install-pds.sh installed.
//
//   node pds_server.mjs --dir DIR --pds-port N [--plc-port N]
//
// Prints one JSON line {"pdsUrl", "plcUrl", "adminPassword", "jwtSecret"} on stdout once both
// listen, and stops cleanly on SIGTERM/SIGINT or when stdin closes (the parent test run went away).
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parseArgs } from 'node:util'

// Both packages live outside the clone (see scripts/install-pds.sh); resolve them from there.
const packagesDir = process.env.HERALD_PDS_PACKAGES
if (!packagesDir) {
  throw new Error('HERALD_PDS_PACKAGES must point at the directory holding node_modules/@atproto/pds')
}
const requireFromPackages = createRequire(path.join(packagesDir, 'package.json'))
const { PlcServer, MockDatabase } = requireFromPackages('@did-plc/server')
const pdsModule = await import(requireFromPackages.resolve('@atproto/pds'))
const { PDS, envToCfg, envToSecrets, readEnv } = pdsModule

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    'pds-port': { type: 'string' },
    'plc-port': { type: 'string', default: '0' },
  },
})
if (!args.dir || !args['pds-port']) {
  throw new Error('usage: pds_server.mjs --dir DIR --pds-port N [--plc-port N]')
}

const plc = PlcServer.create({ db: new MockDatabase(), port: Number(args['plc-port']) })
const plcHttp = await plc.start()
const plcUrl = `http://localhost:${plcHttp.address().port}`

const dataDir = path.join(args.dir, 'data')
const blobDir = path.join(args.dir, 'blobs')
mkdirSync(dataDir, { recursive: true })
mkdirSync(blobDir, { recursive: true })

const adminPassword = randomBytes(16).toString('hex')
// Handed to the tests so they can sign tokens this PDS accepts (an expired access token, say).
const jwtSecret = randomBytes(32).toString('hex')
// The PDS reads its configuration from PDS_* variables; set them here so one place decides them.
Object.assign(process.env, {
  PDS_PORT: args['pds-port'],
  PDS_HOSTNAME: 'localhost',
  PDS_DEV_MODE: 'true',
  PDS_INVITE_REQUIRED: 'false',
  PDS_SERVICE_HANDLE_DOMAINS: '.test',
  PDS_DID_PLC_URL: plcUrl,
  PDS_JWT_SECRET: jwtSecret,
  PDS_ADMIN_PASSWORD: adminPassword,
  PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: randomBytes(32).toString('hex'),
  PDS_DATA_DIRECTORY: dataDir,
  PDS_BLOBSTORE_DISK_LOCATION: blobDir,
})
const env = readEnv()
const pds = await PDS.create(envToCfg(env), envToSecrets(env))
await pds.start()

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  try {
    await pds.destroy()
    await plc.destroy()
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
  `${JSON.stringify({ pdsUrl: `http://localhost:${args['pds-port']}`, plcUrl, adminPassword, jwtSecret })}\n`,
)
