import { z } from 'zod/mini';

export default defineContentScript({
  matches: ['https://www.strava.com/activities/*'],
  main() {
    z.config({ jitless: true });
  },
});
