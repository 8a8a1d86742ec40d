import { z } from 'zod/mini';
import { registerStravaHandlers } from '../lib/background/strava-handlers';
import { createStravaService } from '../lib/background/strava-service';

export default defineBackground(() => {
  // zod must not compile validators with `Function` under the extension's CSP.
  z.config({ jitless: true });
  registerStravaHandlers(createStravaService());
});
