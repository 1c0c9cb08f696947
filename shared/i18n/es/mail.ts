import type { Catalogue } from '../catalogue.ts';

/**
 * Spanish messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included.
 */
export const mailMessages = {
  'notice.subject': '[{status}] {name} — {page}',
  'notice.componentChange': 'Nuevo estado de {component}: {status} (antes: {old}).',
  'notice.affected': 'Componentes afectados: {components}',
  'notice.view': 'Ver en la página de estado',
  'notice.why': 'Recibes este mensaje porque te suscribiste a las actualizaciones de {page}.',
  'notice.manage': 'Gestionar la suscripción',
  'notice.unsubscribe': 'Cancelar la suscripción',

  'mail.confirmSubject': 'Confirma tu suscripción a {page}',
  'mail.confirmIntro':
    'Alguien (esperamos que tú) pidió que se enviaran a esta dirección las actualizaciones de estado de {page}.',
  'mail.confirmAction': 'Confirmar suscripción',
  'mail.confirmIgnore':
    'Si no fuiste tú, ignora este correo: no se enviará nada más a menos que se abra el enlace. El enlace es válido durante 48 horas.',
  'mail.reminderSubject': 'Tu suscripción a {page}',
  'mail.reminderIntro': 'Esta dirección ya recibe las actualizaciones de estado de {page}.',
  'mail.reminderAction': 'Cambiar lo que recibes o cancelar la suscripción',
  'mail.reminderIgnore': 'Si no pediste este recordatorio, ignóralo: no ha cambiado nada.',
} satisfies Catalogue['mail'];
