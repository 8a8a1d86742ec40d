/**
 * Strava's brand rules ask apps to say "Powered by Strava" wherever Strava data is shown outside
 * strava.com. A text mark in CSS: no remote image, nothing fetched.
 */
export function PoweredByStrava() {
  return (
    <p class="bb-powered">
      Powered by <span class="bb-strava-mark">Strava</span>
    </p>
  );
}
