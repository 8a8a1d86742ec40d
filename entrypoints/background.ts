import { z } from 'zod';

export default defineBackground(() => {
  z.config({ jitless: true });
});
