import { t } from '../lib/i18n.ts';

/** The opt-in to hear of the request's changes by mail, offered once there is an address to write to. */
export function NotifyByEmail({
  email,
  checked,
  onChange,
}: {
  email: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div class="field check">
      <input
        type="checkbox"
        id="f-notifyByEmail"
        data-testid="report-notifyByEmail"
        checked={checked}
        aria-describedby="f-notifyByEmail-help"
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for="f-notifyByEmail">{t('requests.notifyByEmail')}</label>
      <p class="help" id="f-notifyByEmail-help">
        {t('requests.notifyByEmail.help', { email })}
      </p>
    </div>
  );
}
