/** "View on Strava", as Strava's brand rules ask, for one activity. */
export function StravaLink({ activityId, name }: { activityId: number; name: string }) {
  // The id is a number from our own records; still, never build a URL from anything else.
  if (!Number.isSafeInteger(activityId) || activityId <= 0) return null;
  return (
    <a
      class="bb-strava-link"
      href={`https://www.strava.com/activities/${activityId}`}
      target="_blank"
      rel="noopener noreferrer"
      // The name starts with the visible text, so voice control ("click View on Strava") works.
      aria-label={`View on Strava: ${name} (opens a new tab)`}
    >
      View on Strava
    </a>
  );
}
