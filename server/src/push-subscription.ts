// The application's one push subscription (Strava allows one per application). Checked at every
// start: reused when it already points at this broker, replaced when it points elsewhere.
import type { StravaClient } from './strava-client.ts';

export async function ensureSubscription(
  strava: StravaClient,
  callbackUrl: string,
  verifyToken: string,
): Promise<{ id: number; created: boolean }> {
  const existing = await strava.listSubscriptions();
  const ours = existing.find((subscription) => subscription.callback_url === callbackUrl);
  if (ours) return { id: ours.id, created: false };
  for (const other of existing) await strava.deleteSubscription(other.id);
  try {
    const { id } = await strava.createSubscription(callbackUrl, verifyToken);
    return { id, created: true };
  } catch (error) {
    // Another broker process starting at the same moment may have created it first.
    const again = (await strava.listSubscriptions()).find((s) => s.callback_url === callbackUrl);
    if (again) return { id: again.id, created: false };
    throw error;
  }
}
