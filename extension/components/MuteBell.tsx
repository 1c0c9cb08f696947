import { t } from '../lib/i18n.ts';

/** The bell: pressed, this request's notifications are off. */
export function MuteBell({
  reference,
  muted,
  testId,
  onToggle,
}: {
  reference: string;
  muted: boolean;
  testId: string;
  onToggle: (muted: boolean) => void;
}) {
  const label = t('requests.bell', { reference });
  return (
    <button
      type="button"
      class={`icon bell${muted ? ' muted' : ''}`}
      aria-pressed={muted}
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={() => onToggle(!muted)}
    >
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linejoin="round"
        />
        {muted && <path d="M4 4l16 16" stroke="currentColor" stroke-width="2" />}
      </svg>
    </button>
  );
}
