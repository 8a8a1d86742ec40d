// Strava's "Connect with Strava" button (brand guidelines: orange #FC5200, white text), drawn
// with CSS and an inline SVG so no remote image is loaded.

interface Props {
  onClick: () => void;
  busy?: boolean;
  disabled?: boolean;
}

export function StravaConnectButton({ onClick, busy = false, disabled = false }: Props) {
  return (
    <button
      type="button"
      class="strava-connect"
      onClick={onClick}
      disabled={disabled || busy}
      aria-busy={busy}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M15.387 17.944l-2.089-4.116h-3.065L15.387 24l5.15-10.172h-3.066m-7.008-5.599l2.836 5.598h4.172L10.463 0l-7 13.828h4.169"
        />
      </svg>
      <span>Connect with Strava</span>
    </button>
  );
}
