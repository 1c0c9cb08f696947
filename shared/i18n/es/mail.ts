import type { Catalogue } from '../catalogue.ts';

/**
 * Spanish messages of what the status page sends: subscription mails, and the notices of incidents and
 * maintenance by mail, webhook and Slack, subjects included; and the labels of the reports forwarded
 * to the help desk.
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

  'helpdesk.report': 'Reporte',
  'helpdesk.reference': 'Referencia',
  'helpdesk.type': 'Tipo',
  'helpdesk.priority': 'Prioridad',
  'helpdesk.priorityImmediate': '{level} (los clientes no pueden hacer pedidos ni pagar)',
  'helpdesk.account': 'Cuenta',
  'helpdesk.shareWith': 'Compartido con',
  'helpdesk.country': 'País',
  'helpdesk.contactEmail': 'Correo de contacto',
  'helpdesk.received': 'Recibido',
  'helpdesk.page': 'Página',
  'helpdesk.url': 'Dirección de la página',
  'helpdesk.pageTitle': 'Título de la página',
  'helpdesk.captured': 'Fecha de captura',
  'helpdesk.environment': 'Entorno',
  'helpdesk.browser': 'Navegador',
  'helpdesk.os': 'Sistema operativo',
  'helpdesk.viewport': 'Área visible',
  'helpdesk.screen': 'Pantalla',
  'helpdesk.pixelRatio': 'Relación de píxeles del dispositivo',
  'helpdesk.language': 'Idioma',
  'helpdesk.timeZone': 'Zona horaria',
  'helpdesk.extensionVersion': 'Versión de la extensión',
  'helpdesk.linkedIncident': 'Incidente vinculado',
  'helpdesk.incident': 'Incidente',
  'helpdesk.incidentStatus': 'Estado',
  'helpdesk.incidentLink': 'Enlace',
  'helpdesk.description': 'Descripción',
  'helpdesk.steps': 'Pasos para reproducirlo',
  'helpdesk.expected': 'Resultado esperado',
  'helpdesk.actual': 'Resultado real',
  'helpdesk.before': 'Antes (cuándo funcionó por última vez)',
  'helpdesk.impact': 'Impacto',
  'helpdesk.people': 'Personas afectadas',
  'helpdesk.orders': 'Pedidos afectados',
  'helpdesk.branches': 'Sucursales afectadas',
  'helpdesk.blocking': 'Efecto',
  'helpdesk.inTheirWords': 'En sus palabras',
  'helpdesk.examplesWorking': 'Ejemplos que funcionan',
  'helpdesk.examplesFailing': 'Ejemplos que fallan',
  'helpdesk.tried': 'Lo que ya se probó',
  'helpdesk.console': 'Errores de consola y solicitudes fallidas',
  'helpdesk.attachments': 'Adjuntos',
  'helpdesk.captureMethod': 'captura: {method}',
  'helpdesk.truncated': 'recortado por el límite de captura',

  // A reporter's mail about their report's progress at the help desk, when they asked for them on the form.
  'requestMail.subject': '[{reference}] {title}',
  'requestMail.stateChanged': 'Tu reporte {reference} «{title}» ahora está: {state}.',
  'requestMail.comment': 'Soporte escribió sobre tu reporte {reference} «{title}»:',
  'requestMail.commentWith': 'Soporte escribió:',
  'requestMail.why':
    'Recibes este correo porque pediste que te informáramos por correo de cómo avanza este reporte.',
  'requestMail.unsubscribe': 'No recibir más correos sobre este reporte',
} satisfies Catalogue['mail'];
