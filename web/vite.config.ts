import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// `npm run dev` serves the console on :5173 and forwards the API to a `herald dev` on :8000.
const api = process.env.HERALD_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  build: {
    // Herald's CSP forbids inline scripts: never inline the module-preload polyfill or small assets as data.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: { "/graphql": { target: api, ws: true }, "/media": api, "/oauth": api },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
