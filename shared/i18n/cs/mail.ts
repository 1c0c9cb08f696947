import type { Catalogue } from '../catalogue.ts';

/**
 * Czech messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included.
 */
export const mailMessages = {
  'notice.subject': '[{status}] {name} — {page}',
  'notice.componentChange': 'Komponenta {component} je nyní ve stavu „{status}“ (dříve „{old}“).',
  'notice.affected': 'Dotčené komponenty: {components}',
  'notice.view': 'Zobrazit na stavové stránce',
  'notice.why':
    'Tuto zprávu dostáváte, protože jste se přihlásili k odběru aktualizací stavové stránky {page}.',
  'notice.manage': 'Spravovat odběr',
  'notice.unsubscribe': 'Odhlásit odběr',

  'mail.confirmSubject': 'Potvrďte odběr stavové stránky {page}',
  'mail.confirmIntro':
    'Někdo, doufejme že vy, požádal o zasílání aktualizací stavové stránky {page} na tuto adresu.',
  'mail.confirmAction': 'Potvrdit odběr',
  'mail.confirmIgnore':
    'Pokud jste to nebyli vy, tento e-mail ignorujte: dokud na odkaz nikdo neklikne, nic dalšího vám nepošleme. Odkaz platí 48 hodin.',
  'mail.reminderSubject': 'Váš odběr stavové stránky {page}',
  'mail.reminderIntro': 'Na tuto adresu už chodí aktualizace stavové stránky {page}.',
  'mail.reminderAction': 'Změnit, co dostáváte, nebo odhlásit odběr',
  'mail.reminderIgnore': 'Pokud jste o toto připomenutí nežádali, ignorujte ho: nic se nezměnilo.',
} satisfies Catalogue['mail'];
