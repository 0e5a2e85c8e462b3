/** The Safe Logout mark (a shield with a door-out arrow), decorative: always next to a text or an accessible name. */
export function ShieldIcon({ size = 20 }: { size?: number }) {
  return (
    <svg
      class="shield-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z"
        fill="currentColor"
        opacity="0.18"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linejoin="round"
      />
      <path
        d="M9 12h7m-2.5-3 3 3-3 3"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
