import type { Catalogue } from '../catalogue.ts';

/**
 * Romanian messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included.
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
} satisfies Catalogue['mail'];
