/**
 * English messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included.
 */
export const mailMessages = {
  'notice.subject': '[{status}] {name} — {page}',
  'notice.componentChange': '{component} is now {status} (was {old}).',
  'notice.affected': 'Affected components: {components}',
  'notice.view': 'View on the status page',
  'notice.why': 'You receive this because you subscribed to updates from {page}.',
  'notice.manage': 'Manage your subscription',
  'notice.unsubscribe': 'Unsubscribe',

  'mail.confirmSubject': 'Confirm your subscription to {page}',
  'mail.confirmIntro':
    'Someone, hopefully you, asked for status updates from {page} to be sent to this address.',
  'mail.confirmAction': 'Confirm subscription',
  'mail.confirmIgnore':
    'If it was not you, ignore this mail: nothing more is sent unless the link is followed. The link works for 48 hours.',
  'mail.reminderSubject': 'Your subscription to {page}',
  'mail.reminderIntro': 'This address already receives status updates from {page}.',
  'mail.reminderAction': 'Change what you receive, or unsubscribe',
  'mail.reminderIgnore': 'If you did not ask for this reminder, ignore it: nothing has changed.',
} as const;
