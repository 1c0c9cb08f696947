import type { Catalogue } from '../catalogue.ts';

/**
 * Spanish messages of the public status page: its pages, the words for statuses
 * and impacts (the console and the extension show them too), and the feeds.
 */
export const pageMessages = {
  'status.allOperational': 'Todos los sistemas están operativos',
  'status.minor': 'Interrupción menor del servicio',
  'status.major': 'Interrupción parcial del sistema',
  'status.critical': 'Interrupción grave del servicio',
  'status.maintenance': 'Servicio en mantenimiento',

  'page.title': '{title} · {page}',
  'page.description': 'Estado actual, incidentes y mantenimientos programados de {page}.',
  'page.skipToContent': 'Ir al contenido principal',
  'page.navLabel': 'Página de estado',
  'page.navStatus': 'Estado actual',
  'page.navHistory': 'Historial',
  'page.footerLabel': 'Acerca de esta página',
  'page.language': 'Idioma',
  'page.poweredBy': 'Con la tecnología de Snapdesk',
  'page.api': 'API de estado (JSON)',
  'page.lastUpdated': 'Última actualización: {time}',
  'page.activeIncidents': 'Incidentes activos',
  'page.maintenance': 'Mantenimiento programado',
  'page.components': 'Componentes',
  'page.noComponents': 'Todavía no se ha publicado ningún componente.',
  'page.viewHistory': 'Ver el historial de incidentes',
  'page.affected': 'Afecta a: {components}',
  'page.notFoundTitle': 'Página no encontrada',
  'page.notFoundBody':
    'No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace esté mal escrito.',
  'page.backToStatus': 'Ir al estado actual',

  'component.status.operational': 'Operativo',
  'component.status.degraded_performance': 'Rendimiento degradado',
  'component.status.partial_outage': 'Interrupción parcial',
  'component.status.major_outage': 'Interrupción grave',
  'component.status.under_maintenance': 'En mantenimiento',

  'incident.status.investigating': 'Investigando',
  'incident.status.identified': 'Identificado',
  'incident.status.monitoring': 'Supervisando',
  'incident.status.resolved': 'Resuelto',
  'incident.status.postmortem': 'Análisis posterior',

  'maintenance.status.scheduled': 'Programado',
  'maintenance.status.in_progress': 'En curso',
  'maintenance.status.verifying': 'Verificando',
  'maintenance.status.completed': 'Completado',
  'maintenance.window': 'Programado: {window}',

  'impact.none': 'Sin impacto',
  'impact.minor': 'Impacto menor',
  'impact.major': 'Impacto importante',
  'impact.critical': 'Impacto crítico',
  'impact.maintenance': 'Mantenimiento',

  'incident.fieldStatus': 'Estado',
  'incident.fieldImpact': 'Impacto',
  'incident.fieldStarted': 'Inicio',
  'incident.fieldResolved': 'Resuelto',
  'incident.fieldScheduled': 'Programado',
  'incident.fieldCompleted': 'Completado',
  'incident.fieldComponents': 'Componentes afectados',
  'incident.updates': 'Actualizaciones',
  'incident.noUpdates': 'Todavía no se ha publicado ninguna actualización.',
  'incident.startedAt': 'Inicio: {time}',
  'incident.resolvedAt': 'Resuelto: {time}',
  'incident.resolvedMessage': 'Este incidente se ha resuelto.',

  'history.title': 'Historial de incidentes',
  'history.empty': 'No se ha reportado ningún incidente',
  'history.pagination': 'Páginas del historial de incidentes',
  'history.newer': 'Incidentes más recientes',
  'history.older': 'Incidentes anteriores',

  'uptime.percent': '{percent} % de disponibilidad',
  'uptime.noData': 'Sin datos',
  'uptime.noDowntime': 'Sin interrupciones',
  'uptime.majorMinutes': '{minutes} min de interrupción grave',
  'uptime.partialMinutes': '{minutes} min de interrupción parcial',
  'uptime.day': '{date}: {summary}',
  'uptime.barLabel': '{name}, {days, plural, one {último día} other {últimos # días}}: {uptime}',
  'uptime.daysAgo': 'hace {days, plural, one {# día} other {# días}}',
  'uptime.today': 'Hoy',
  'uptime.daysWithIssues': 'Días con problemas: {count}',
  'uptime.legend': 'Qué significan los colores de la barra',

  'page.navSubscribe': 'Suscribirse a las actualizaciones',
  'page.feeds': 'Feed de incidentes (RSS, Atom)',

  'subscribe.title': 'Suscribirse a las actualizaciones',
  'subscribe.intro':
    'Recibe avisos de {page} en cuanto se publique o se actualice un incidente o un mantenimiento programado.',
  'subscribe.emailHeading': 'Por correo electrónico',
  'subscribe.email': 'Dirección de correo electrónico',
  'subscribe.emailHint':
    'Recibirás un correo con un enlace de confirmación; no se te enviará nada más hasta que lo abras.',
  'subscribe.scope': '¿Qué componentes?',
  'subscribe.scopeAll': 'Todos, incluidos los que se añadan más adelante',
  'subscribe.scopeSome': 'Solo los que marque a continuación',
  'subscribe.wholeGroup': 'Todo el grupo {group}, incluidos los componentes que se le añadan más adelante',
  'subscribe.maintenance': 'Avisarme también de los mantenimientos programados',
  'subscribe.submit': 'Suscribirse',
  'subscribe.webhookHeading': 'Por webhook',
  'subscribe.webhookIntro':
    'Cada aviso se envía como JSON en el formato de webhook de páginas de estado, firmado según Standard Webhooks (cabeceras webhook-id, webhook-timestamp y webhook-signature); verifícalo con cualquier biblioteca de Standard Webhooks y el secreto que se muestra una sola vez al añadir la URL. Una URL añadida aquí empieza a recibir avisos cuando responde con su desafío (challenge) a una solicitud de verificación firmada.',
  'subscribe.webhookUrl': 'URL del webhook',
  'subscribe.format': 'Formato',
  'subscribe.formatStandard': 'JSON (formato de webhook de páginas de estado)',
  'subscribe.formatSlack': 'Webhook entrante de Slack o Mattermost',
  'subscribe.webhookSubmit': 'Añadir webhook',
  'subscribe.feedsHeading': 'Por lector de feeds',
  'subscribe.feedsIntro': 'Todos los incidentes y mantenimientos, con sus actualizaciones:',
  'subscribe.problem': 'Corrige lo siguiente: {problem}',
  'subscribe.checkInboxTitle': 'Revisa tu bandeja de entrada',
  'subscribe.checkInbox':
    'Se está enviando a {email} un mensaje con un enlace de confirmación. No se enviará nada más a esa dirección hasta que se abra el enlace.',
  'subscribe.webhookAddedTitle': 'Webhook añadido',
  'subscribe.webhookAdded': 'Los avisos se enviarán a {url}.',
  'subscribe.webhookPending':
    'Se está enviando a {url} una solicitud de verificación firmada (subscription.verify). Los avisos empezarán a llegar cuando el receptor responda con su desafío (challenge), o cuando alguien abra el enlace de confirmación que contiene, antes del {time}.',
  'subscribe.slackPending':
    'Se está enviando a {url} un mensaje con un enlace de confirmación. Los avisos empezarán a llegar cuando alguien abra allí el enlace, antes del {time}.',
  'subscribe.secret': 'Secreto de firma (solo se muestra esta vez):',
  'subscribe.manageLink': 'Puedes modificar o eliminar esta suscripción en cualquier momento aquí:',

  'confirm.title': 'Confirma tu suscripción',
  'confirm.body': '¿Enviar las actualizaciones de estado de {page} a {address}?',
  'confirm.submit': 'Confirmar suscripción',
  'confirm.doneTitle': 'Suscripción confirmada',
  'confirm.done': 'A partir de ahora, las actualizaciones de {page} se enviarán a {address}.',

  'manage.title': 'Gestiona tu suscripción',
  'manage.for': 'Las actualizaciones se envían a {address}.',
  'manage.save': 'Guardar cambios',
  'manage.saved': 'Se guardaron los cambios.',
  'manage.leave': 'Dejar de recibir actualizaciones y olvidar esta dirección.',
  'manage.language': 'Idioma de los correos y mensajes',

  'unsubscribe.title': 'Cancelar la suscripción',
  'unsubscribe.ask': '¿Dejar de enviar actualizaciones de estado a {address}?',
  'unsubscribe.submit': 'Cancelar suscripción',
  'unsubscribe.doneTitle': 'Se canceló tu suscripción',
  'unsubscribe.done': 'No se enviarán más actualizaciones. Puedes volver a suscribirte en cualquier momento.',
  'unsubscribe.again': 'Volver a suscribirse',

  'error.title': 'No se pudo completar la acción',

  'feed.title': '{page}: historial de incidentes',
  'feed.componentTitle': '{page}: historial de incidentes de {component}',
  'feed.description':
    'Incidentes y mantenimientos programados publicados en {page}, con todas sus actualizaciones.',

  // The page a reporter's mail opens to stop the mails about one report.
  'requestMail.stopTitle': 'Correos sobre {reference}',
  'requestMail.stopAsk':
    '¿Dejar de enviarte correos sobre tu reporte {reference} «{title}»? Tus otros reportes no cambian.',
  'requestMail.stopSubmit': 'Dejar de recibir correos',
  'requestMail.stoppedTitle': 'No más correos sobre {reference}',
  'requestMail.stopped':
    'No recibirás más correos sobre este reporte. La extensión sigue mostrando cómo avanza.',
} satisfies Catalogue['page'];
