/** The arrow into a tray that marks a download link or button (decorative: the text names it). */
export function DownloadIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d="M8 2v8m0 0L5 7m3 3l3-3M3 12.5h10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
