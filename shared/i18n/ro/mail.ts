import type { Catalogue } from '../catalogue.ts';

/**
 * Romanian messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included; and the labels of the reports forwarded
 * to the help desk.
 */
export const mailMessages = {
  'notice.subject': '[{status}] {name} — {page}',
  'notice.componentChange': '{component} are acum starea {status} (anterior: {old}).',
  'notice.affected': 'Componente afectate: {components}',
  'notice.view': 'Vedeți pe pagina de status',
  'notice.why': 'Primiți acest mesaj deoarece v-ați abonat la actualizările de la {page}.',
  'notice.manage': 'Gestionați abonamentul',
  'notice.unsubscribe': 'Dezabonare',

  'mail.confirmSubject': 'Confirmați abonamentul la {page}',
  'mail.confirmIntro':
    'Cineva, sperăm că dumneavoastră, a cerut ca actualizările de status de la {page} să fie trimise la această adresă.',
  'mail.confirmAction': 'Confirmați abonamentul',
  'mail.confirmIgnore':
    'Dacă nu ați fost dumneavoastră, ignorați acest e-mail: nu se mai trimite nimic dacă linkul nu este accesat. Linkul este valabil 48 de ore.',
  'mail.reminderSubject': 'Abonamentul dumneavoastră la {page}',
  'mail.reminderIntro': 'Această adresă primește deja actualizări de status de la {page}.',
  'mail.reminderAction': 'Modificați ce primiți sau dezabonați-vă',
  'mail.reminderIgnore': 'Dacă nu ați cerut acest memento, ignorați-l: nu s-a schimbat nimic.',

  'helpdesk.report': 'Raport',
  'helpdesk.reference': 'Referință',
  'helpdesk.type': 'Tip',
  'helpdesk.priority': 'Prioritate',
  'helpdesk.priorityImmediate': '{level} (clienții nu pot comanda sau plăti)',
  'helpdesk.account': 'Cont',
  'helpdesk.shareWith': 'Partajat cu',
  'helpdesk.country': 'Țară',
  'helpdesk.contactEmail': 'E-mail de contact',
  'helpdesk.received': 'Primit',
  'helpdesk.page': 'Pagină',
  'helpdesk.url': 'Adresa paginii',
  'helpdesk.pageTitle': 'Titlul paginii',
  'helpdesk.captured': 'Capturat la',
  'helpdesk.environment': 'Mediu',
  'helpdesk.browser': 'Browser',
  'helpdesk.os': 'Sistem de operare',
  'helpdesk.viewport': 'Zonă de afișare',
  'helpdesk.screen': 'Ecran',
  'helpdesk.pixelRatio': 'Raport de pixeli al dispozitivului',
  'helpdesk.language': 'Limbă',
  'helpdesk.timeZone': 'Fus orar',
  'helpdesk.extensionVersion': 'Versiunea extensiei',
  'helpdesk.linkedIncident': 'Incident asociat',
  'helpdesk.incident': 'Incident',
  'helpdesk.incidentStatus': 'Stare',
  'helpdesk.incidentLink': 'Link',
  'helpdesk.description': 'Descriere',
  'helpdesk.steps': 'Pași pentru reproducere',
  'helpdesk.expected': 'Rezultat așteptat',
  'helpdesk.actual': 'Rezultat obținut',
  'helpdesk.before': 'Înainte (când a funcționat ultima dată)',
  'helpdesk.impact': 'Impact',
  'helpdesk.people': 'Persoane afectate',
  'helpdesk.orders': 'Comenzi afectate',
  'helpdesk.branches': 'Filiale afectate',
  'helpdesk.blocking': 'Ce blochează',
  'helpdesk.inTheirWords': 'În cuvintele autorului',
  'helpdesk.examplesWorking': 'Exemple care funcționează',
  'helpdesk.examplesFailing': 'Exemple care nu funcționează',
  'helpdesk.tried': 'Încercat deja',
  'helpdesk.console': 'Erori în consolă și cereri eșuate',
  'helpdesk.attachments': 'Atașamente',
  'helpdesk.captureMethod': 'captură: {method}',
  'helpdesk.truncated': 'tăiat la limita de captură',

  // A reporter's mail about their report's progress at the help desk, when they asked for them on the form.
  'requestMail.subject': '[{reference}] {title}',
  'requestMail.stateChanged': 'Raportul dumneavoastră {reference} „{title}” este acum: {state}.',
  'requestMail.comment': 'Echipa de suport a scris despre raportul dumneavoastră {reference} „{title}”:',
  'requestMail.commentWith': 'Echipa de suport a scris:',
  'requestMail.why':
    'Primiți acest e-mail pentru că ați cerut să fiți informat prin e-mail despre evoluția acestui raport.',
  'requestMail.unsubscribe': 'Nu mai primiți e-mailuri despre acest raport',
} satisfies Catalogue['mail'];
