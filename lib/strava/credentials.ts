// Checks for the two values the runner copies from strava.com/settings/api, shared by the options
// form (immediate feedback) and the background (which trusts no message).

const CLIENT_ID_PATTERN = /^\d{1,12}$/;

/** A message for the runner, or null when the value looks right. */
export function clientIdProblem(value: string): string | null {
  const v = value.trim();
  if (!v) return 'Enter the Client ID from strava.com/settings/api.';
  if (!CLIENT_ID_PATTERN.test(v)) return 'The Client ID is a number (digits only), e.g. 123456.';
  return null;
}

export function clientSecretProblem(value: string): string | null {
  const v = value.trim();
  if (!v) return 'Enter the Client Secret from strava.com/settings/api (click "show").';
  if (!/^[0-9a-fA-F]*$/.test(v)) {
    return 'The Client Secret has only the characters 0–9 and a–f. Copy it again from strava.com/settings/api.';
  }
  if (v.length !== 40) {
    return `The Client Secret is 40 characters long; this one has ${v.length}. Copy it again.`;
  }
  return null;
}
