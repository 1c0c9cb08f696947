/**
 * English messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included; and the labels of the reports forwarded
 * to the help desk.
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

  // Reports forwarded to the help desk, in its language (SNAPDESK_HELPDESK_LOCALE): the labels of the
  // fields only; what the reporter wrote is sent as written. Types, priorities and what a problem
  // stops come from the form's own words (report.type.*, report.priority.*, report.blocking.*).
  'helpdesk.report': 'Report',
  'helpdesk.reference': 'Reference',
  'helpdesk.type': 'Type',
  'helpdesk.priority': 'Priority',
  'helpdesk.priorityImmediate': '{level} (customers cannot order or pay)',
  'helpdesk.account': 'Account',
  'helpdesk.shareWith': 'Share with',
  'helpdesk.country': 'Country',
  'helpdesk.contactEmail': 'Contact e-mail',
  'helpdesk.received': 'Received',
  'helpdesk.page': 'Page',
  'helpdesk.url': 'URL',
  'helpdesk.pageTitle': 'Page title',
  'helpdesk.captured': 'Captured',
  'helpdesk.environment': 'Environment',
  'helpdesk.browser': 'Browser',
  'helpdesk.os': 'Operating system',
  'helpdesk.viewport': 'Viewport',
  'helpdesk.screen': 'Screen',
  'helpdesk.pixelRatio': 'Device pixel ratio',
  'helpdesk.language': 'Language',
  'helpdesk.timeZone': 'Time zone',
  'helpdesk.extensionVersion': 'Extension version',
  'helpdesk.linkedIncident': 'Linked incident',
  'helpdesk.incident': 'Incident',
  'helpdesk.incidentStatus': 'Status',
  'helpdesk.incidentLink': 'Link',
  'helpdesk.description': 'Description',
  'helpdesk.steps': 'Steps to reproduce',
  'helpdesk.expected': 'Expected',
  'helpdesk.actual': 'Actual',
  'helpdesk.before': 'Before (when it last worked)',
  'helpdesk.impact': 'Impact',
  'helpdesk.people': 'People affected',
  'helpdesk.orders': 'Orders affected',
  'helpdesk.branches': 'Branches affected',
  'helpdesk.blocking': 'It stops',
  'helpdesk.inTheirWords': 'In their words',
  'helpdesk.examplesWorking': 'Examples that work',
  'helpdesk.examplesFailing': 'Examples that fail',
  'helpdesk.tried': 'Already tried',
  'helpdesk.console': 'Console errors and failed requests',
  'helpdesk.attachments': 'Attachments',
  'helpdesk.captureMethod': 'capture: {method}',
  'helpdesk.truncated': 'cut at the capture limit',
  // The reporter's moves on a forwarded report (an answer, a confirmation, a reopening), mailed to the
  // help desk as a reply to the report's mail.
  'helpdesk.event.answered': 'The customer answered',
  'helpdesk.event.confirmed': 'The customer confirmed that the problem is fixed',
  'helpdesk.event.reopened': 'The customer reopened the ticket',
  'helpdesk.event.ticket': 'Ticket',
  'helpdesk.event.at': 'Sent',
  'helpdesk.event.answer': 'Answer',
  'helpdesk.event.reason': 'Reason for reopening',
  // The customer's moves on a request, as notes on the help desk's ticket; their own words follow.
  'helpdesk.customerAnswered': 'The customer answered in Snapdesk ({reference}):',
  'helpdesk.customerConfirmed': 'The customer confirmed in Snapdesk ({reference}) that the problem is gone.',
  'helpdesk.customerReopened': 'The customer reopened the request in Snapdesk ({reference}):',

  // A reporter's mail about their report's progress at the help desk, when they asked for them on the form.
  'requestMail.subject': '[{reference}] {title}',
  'requestMail.stateChanged': 'Your report {reference} “{title}” is now: {state}.',
  'requestMail.comment': 'Support wrote about your report {reference} “{title}”:',
  'requestMail.commentWith': 'Support wrote:',
  'requestMail.why': 'You receive this because you asked to be told by e-mail how this report goes.',
  'requestMail.unsubscribe': 'Stop e-mails about this report',
} as const;
