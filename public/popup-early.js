// Runs before the popup's bundle is evaluated, so the plan snapshot (lib/store/plan-snapshot.ts)
// is already on its way when the first frame wants it. Plain script: it is copied, not bundled.
globalThis.__bbSnapshot = (globalThis.browser ?? globalThis.chrome).storage.local.get(
  'planSnapshot',
);
