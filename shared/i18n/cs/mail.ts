import type { Catalogue } from '../catalogue.ts';

/**
 * Czech messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included; and the labels of the reports forwarded
 * to the help desk.
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

  'helpdesk.report': 'Hlášení',
  'helpdesk.reference': 'Číslo',
  'helpdesk.type': 'Typ',
  'helpdesk.priority': 'Priorita',
  'helpdesk.priorityImmediate': '{level} (zákazníci nemohou objednat ani zaplatit)',
  'helpdesk.account': 'Účet',
  'helpdesk.shareWith': 'Sdíleno s',
  'helpdesk.country': 'Země',
  'helpdesk.contactEmail': 'Kontaktní e-mail',
  'helpdesk.received': 'Přijato',
  'helpdesk.page': 'Stránka',
  'helpdesk.url': 'Adresa stránky',
  'helpdesk.pageTitle': 'Název stránky',
  'helpdesk.captured': 'Zachyceno',
  'helpdesk.environment': 'Prostředí',
  'helpdesk.browser': 'Prohlížeč',
  'helpdesk.os': 'Operační systém',
  'helpdesk.viewport': 'Zobrazená oblast',
  'helpdesk.screen': 'Obrazovka',
  'helpdesk.pixelRatio': 'Poměr pixelů zařízení',
  'helpdesk.language': 'Jazyk',
  'helpdesk.timeZone': 'Časové pásmo',
  'helpdesk.extensionVersion': 'Verze rozšíření',
  'helpdesk.linkedIncident': 'Související incident',
  'helpdesk.incident': 'Incident',
  'helpdesk.incidentStatus': 'Stav',
  'helpdesk.incidentLink': 'Odkaz',
  'helpdesk.description': 'Popis',
  'helpdesk.steps': 'Postup k reprodukci',
  'helpdesk.expected': 'Očekávaný výsledek',
  'helpdesk.actual': 'Skutečný výsledek',
  'helpdesk.before': 'Dříve (kdy to naposledy fungovalo)',
  'helpdesk.impact': 'Dopad',
  'helpdesk.people': 'Dotčení lidé',
  'helpdesk.orders': 'Dotčené objednávky',
  'helpdesk.branches': 'Dotčené pobočky',
  'helpdesk.blocking': 'Co to blokuje',
  'helpdesk.inTheirWords': 'Slovy autora',
  'helpdesk.examplesWorking': 'Příklady, které fungují',
  'helpdesk.examplesFailing': 'Příklady, které nefungují',
  'helpdesk.tried': 'Už vyzkoušeno',
  'helpdesk.console': 'Chyby v konzoli a neúspěšné požadavky',
  'helpdesk.attachments': 'Přílohy',
  'helpdesk.captureMethod': 'zachycení: {method}',
  'helpdesk.truncated': 'oříznuto na limitu zachycení',

  // A reporter's mail about their report's progress at the help desk, when they asked for them on the form.
  'requestMail.subject': '[{reference}] {title}',
  'requestMail.stateChanged': 'Vaše hlášení {reference} „{title}“ je nyní ve stavu: {state}.',
  'requestMail.comment': 'Podpora napsala k vašemu hlášení {reference} „{title}“:',
  'requestMail.commentWith': 'Podpora napsala:',
  'requestMail.why':
    'Tento e-mail dostáváte, protože jste si přáli být e-mailem informováni o průběhu tohoto hlášení.',
  'requestMail.unsubscribe': 'Nezasílat e-maily k tomuto hlášení',
} satisfies Catalogue['mail'];
