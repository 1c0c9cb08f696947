import type { Catalogue } from '../catalogue.ts';

/**
 * Spanish messages of the extension: the report form (title hints, priority levels and advice,
 * request types and fields), My reports and the options page.
 */
export const formMessages = {
  'report.title.empty': 'Escribe un título que diga qué falla y dónde.',
  'report.title.allCaps':
    'No escribas el título todo en mayúsculas: parece que estás gritando, y eso no sube la prioridad.',
  'report.title.shouting':
    'Hay varias palabras en mayúsculas, y eso parece un grito. Reserva las mayúsculas para nombres y códigos.',
  'report.title.tooShort':
    'Un título tan corto rara vez dice lo suficiente. Intenta usar al menos {minWords, plural, one {# palabra} other {# palabras}} o {minLength, plural, one {# carácter} other {# caracteres}}: qué falla, dónde y en qué pedido o página.',
  'report.title.vague':
    '«No funciona» o «error», sin más, no nos dicen por dónde empezar. Indica qué falla, dónde y en qué pedido, producto o página.',
  'report.title.isDown':
    'Si todo el servicio está caído, lo más probable es que soporte ya lo sepa: consulta la página de estado. Si lo que te falla es una función concreta, nómbrala en el título.',
  'report.title.bareReference':
    'Una referencia de ticket por sí sola no describe el problema. Indica qué sigue fallando y menciona el ticket anterior en la descripción.',
  'report.title.urgency':
    'Palabras como «urgente» en el título no agilizan nada. Elige una prioridad y mantén un título descriptivo.',
  'report.title.examplesHeading': 'Títulos que ayudan al equipo de soporte:',
  'report.title.example.invoiced': 'El pedido 456 figura como facturado, pero nunca se envió',
  'report.title.example.images':
    'Las imágenes de productos no aparecen como esperamos en la página de categoría',
  'report.title.example.banner':
    'Necesitamos cambiar un banner en la web: ¿nos pueden explicar el paso a paso?',
  'report.title.example.picking':
    'Intentamos hacer el picking del pedido 543, pero no nos deja avanzar al empaquetado',

  'report.priority.low': 'Baja',
  'report.priority.low.definition': 'Detalle estético o menor; puede esperar al trabajo planificado.',
  'report.priority.normal': 'Normal',
  'report.priority.normal.definition':
    'Algo funciona mal, pero hay una solución alternativa o afecta a pocas personas. Se planifica según su impacto.',
  'report.priority.high': 'Alta',
  'report.priority.high.definition':
    'Una tarea importante de tu equipo está bloqueada y no hay solución alternativa, pero los clientes todavía pueden hacer pedidos y pagar.',
  'report.priority.immediate': 'Inmediata',
  'report.priority.immediate.definition':
    'Solo para emergencias: los clientes no pueden completar un pedido ni pagar (pago, finalización del pedido, añadir al carrito). Interrumpe el trabajo planificado.',
  'report.priority.advice.immediate':
    'La prioridad Inmediata se reserva para emergencias en las que los clientes no pueden completar un pedido ni pagar. Si no es el caso, elige Alta o Normal para que las verdaderas emergencias sigan destacando.',
  'report.priority.advice.high':
    'La prioridad Alta es para una tarea importante que está bloqueada y sin solución alternativa. Si hay una solución alternativa, con Normal se planifica igual de bien.',
  'report.priority.advice.ordering':
    'Indicaste que los clientes no pueden completar un pedido ni pagar: para eso está la prioridad Inmediata.',

  'report.priority.useSuggested': 'Usar {level}',

  'report.blocking.ordering': 'Los clientes no pueden completar un pedido ni pagar',
  'report.blocking.work': 'Una tarea importante está bloqueada y no hay solución alternativa',
  'report.blocking.none': 'Algo falla o va lento, pero hay una solución alternativa',

  // What a field's constraints in the form configuration say when broken.
  'report.error.required': 'Completa este campo.',
  'report.error.wholeNumber': 'Escribe un número entero, por ejemplo 12.',
  'report.error.min': 'El valor debe ser {min} o más.',
  'report.error.max': 'El valor debe ser {max} o menos.',
  'report.error.maxLength': 'Usa como máximo {max, plural, one {# carácter} other {# caracteres}}.',
  'report.error.email': 'Escribe una dirección de correo electrónico, como nombre@example.com.',
  'report.error.url': 'Escribe una dirección web que empiece por http:// o https://.',
  'report.error.invalid': 'Esto no se puede enviar así; revísalo.',

  'report.type.question': 'Consulta',
  'report.type.question.help': 'Necesitas ayuda o tienes una pregunta que la documentación no responde.',
  'report.type.broken': 'Algo no funciona',
  'report.type.broken.help':
    'Una función no hace lo que indica la documentación, o ya no funciona como antes.',
  'report.type.feature': 'Idea de nueva función',
  'report.type.feature.help': 'Te gustaría que el producto hiciera algo nuevo.',

  'report.field.title': 'Título',
  'report.field.title.help': 'Qué falla y dónde, en una sola línea, como el asunto de una carta.',
  'report.field.description': 'Descripción',
  'report.field.description.help':
    'Qué pasó, cuándo y cómo. Añade los identificadores que necesita soporte: pedido, producto, campaña, cliente.',
  'report.field.goal': '¿Qué quieres lograr?',
  'report.field.goal.help':
    'Conocer el objetivo de la idea nos ayuda a encontrar la mejor manera de alcanzarlo.',
  'report.field.stepsToReproduce': 'Pasos para reproducirlo',
  'report.field.stepsToReproduce.help':
    'Paso a paso y desde el principio, qué hay que hacer para ver el problema.',
  'report.field.expected': '¿Qué esperabas que pasara?',
  'report.field.actual': '¿Qué pasó en cambio?',
  'report.field.howBefore': '¿Cómo era antes?',
  'report.field.howBefore.help': 'Si antes funcionaba, ¿desde cuándo ya no funciona?',
  'report.field.blocking': '¿Qué impide hacer?',
  'report.field.impactPeople': 'Personas afectadas',
  'report.field.impactOrders': 'Pedidos afectados',
  'report.field.impactBranches': 'Sucursales o tiendas afectadas',
  'report.field.impact.help':
    'Una cifra, aunque sea aproximada, nos ayuda a compararlo con el resto del trabajo.',
  'report.field.workingExamples': 'Ejemplos que funcionan',
  'report.field.failingExamples': 'Ejemplos que fallan',
  'report.field.examples.help':
    'Si puedes, al menos tres de cada tipo: números de pedido, enlaces, productos.',
  'report.field.alreadyTried': '¿Qué has probado hasta ahora?',
  'report.field.priority': 'Prioridad',
  'report.field.priority.help': 'Cada nivel indica cuándo usarlo.',
  'report.field.account': 'Cuenta',
  'report.field.account.help': 'La cuenta en la que ocurre.',
  'report.field.shareWith': 'Compartir con',
  'report.field.shareWith.help': 'La organización para la que reportas esto, si perteneces a varias.',
  'report.field.country': 'País',
  'report.field.country.help': 'El país en el que ocurre.',
  'report.field.contactEmail': 'Correo de contacto',
  'report.field.contactEmail.help': 'La dirección en la que soporte puede contactarte sobre este reporte.',

  // The extension's pages: the report form, "My reports" and settings.
  'report.page.heading': 'Reportar un problema',
  'report.page.subtitle': 'En {host}',
  'report.page.subtitleNoPage': 'Describe el problema y adjunta lo que lo muestre.',
  'report.page.nav': 'Páginas de Snapdesk',
  'report.page.myReports': 'Mis reportes',
  'report.page.settings': 'Configuración',
  'report.page.loading': 'Cargando…',
  'report.page.required': 'obligatorio',
  'report.page.choose': 'Selecciona…',
  'report.page.remove': 'Quitar',
  'report.page.problemHeading': 'El problema',
  'report.page.reporterHeading': 'Cómo te contacta soporte',
  'report.page.typeLegend': '¿Qué tipo de solicitud es?',
  'report.page.pageUrl': 'Dirección de la página',
  'report.page.pageUrlHelp':
    'No se pudo capturar la página, así que pega aquí su dirección (la de la barra de direcciones).',
  'report.page.captureError':
    'No se pudo capturar esta página ({error}). Aun así, puedes describir el problema y adjuntar capturas de pantalla o archivos.',
  'report.page.offlineForm':
    'No se pudo cargar el formulario desde el servidor, así que se muestra la última versión conocida. Si no se puede acceder al servidor, el reporte que envíes ahora esperará en la bandeja de salida hasta que vuelva a estar disponible.',
  'report.page.draftMissing':
    'Este borrador ya no existe. Es posible que se haya enviado desde otra pestaña.',
  'report.page.noDraft':
    'Para reportar un problema, abre la página en la que ocurre y haz clic en el botón de Snapdesk de la barra de herramientas (o pulsa Alt+Shift+R).',
  'report.page.alreadySent': 'Este reporte ya se envió: está esperando en la bandeja de salida o ya llegó.',
  'report.page.saved': 'Borrador guardado el {time}',
  'report.page.saveFailed': 'No se pudo guardar el borrador: {error}',

  'report.incident.heading': 'Soporte ya está al tanto de un problema en este sitio',
  'report.incident.explain':
    'Si es lo que estás viendo, no hace falta que lo reportes: suscríbete para enterarte cuando se solucione. Si tu problema es otro, repórtalo a continuación.',
  'report.incident.subscribe': 'Suscribirse a las actualizaciones',
  'report.incident.reportAnyway': 'Reportar de todos modos (vinculado a este incidente)',
  'report.incident.linked': 'Tu reporte se vinculará a este incidente.',
  'report.incident.unlink': 'No vincular',

  'report.duplicate.heading': 'Ya reportaste un problema en esta página',
  'report.duplicate.sentAt': 'enviado el {time}',
  'report.duplicate.explain':
    'Si es el mismo problema, soporte ya se está ocupando de él: un segundo reporte no acelera nada. Si es un problema distinto, continúa.',
  'report.duplicate.continue': 'Es un problema distinto: continuar',

  'report.series.heading': 'Capturas de pantalla y archivos',
  'report.series.help':
    'Soporte las revisa en este orden, paso a paso. Abre una para marcarla o para tapar en negro lo que no deba verse.',
  'report.series.empty': 'Todavía no hay capturas de pantalla.',
  'report.series.open': 'Captura {n}: {what}. Abrir para anotar',
  'report.series.method.viewport': 'Parte visible',
  'report.series.method.stitched': 'Página completa',
  'report.series.method.html2canvas': 'Página completa (renderizada)',
  'report.series.method.upload': 'Imagen subida',
  'report.series.marks': '{count, plural, one {# marca} other {# marcas}}',
  'report.series.truncated': 'recortada por el límite de tamaño',
  'report.series.moveUp': 'Subir la captura {n}',
  'report.series.moveDown': 'Bajar la captura {n}',
  'report.series.removeCapture': 'Quitar la captura {n}',
  'report.series.addStep': 'Añadir un paso',
  'report.series.addingStep': 'Capturando…',
  'report.series.addStepHelp': 'Ve al siguiente paso en la página y luego vuelve aquí para añadirlo.',
  'report.series.noTab':
    'No se conoce la pestaña de la página, así que no se pueden añadir pasos; adjunta archivos en su lugar.',
  'report.series.noAnswer': 'la extensión no respondió',
  'report.series.stepFailed': 'No se pudo capturar el paso: {error}',
  'report.series.attach': 'Adjuntar archivos…',
  'report.series.filesHeading': 'Archivos adjuntos',
  'report.series.removeFile': 'Quitar {name}',
  'report.series.wrongType': '{name} no es una imagen ni un PDF.',
  'report.series.fileTooBig': '{name} supera los {max} MB.',
  'report.series.sizeKb': '{size} KB',
  'report.series.sizeMb': '{size} MB',

  'report.annotate.heading': 'Anotar la captura {n}',
  'report.annotate.help':
    'Arrastra sobre la imagen para dibujar. Para añadir texto, escríbelo y luego haz clic donde quieras colocarlo. Los recuadros negros eliminan lo que tapan en la imagen que se envía.',
  'report.annotate.tool': 'Herramienta',
  'report.annotate.tool.rect': 'Rectángulo',
  'report.annotate.tool.arrow': 'Flecha',
  'report.annotate.tool.text': 'Texto',
  'report.annotate.tool.redact': 'Tapar en negro',
  'report.annotate.color': 'Color',
  'report.annotate.color.red': 'Rojo',
  'report.annotate.color.orange': 'Naranja',
  'report.annotate.color.blue': 'Azul',
  'report.annotate.color.green': 'Verde',
  'report.annotate.undo': 'Deshacer',
  'report.annotate.redo': 'Rehacer',
  'report.annotate.textLabel': 'Texto que se colocará',
  'report.annotate.textFirst': 'Primero escribe el texto y luego haz clic donde quieras colocarlo.',
  'report.annotate.canvasLabel': 'Captura {n} con {count, plural, one {# marca} other {# marcas}}',
  'report.annotate.cannotOpen': 'No se pudo abrir esta imagen para anotarla.',
  'report.annotate.marksHeading': 'Marcas en esta captura',
  'report.annotate.mark.rect': 'Rectángulo en {x}, {y} ({w} × {h})',
  'report.annotate.mark.redact': 'Zona tapada en negro en {x}, {y} ({w} × {h})',
  'report.annotate.mark.arrow': 'Flecha de {x}, {y} a {x2}, {y2}',
  'report.annotate.mark.text': 'Texto «{text}» en {x}, {y}',
  'report.annotate.removeMark': 'Quitar: {mark}',

  'report.facts.heading': 'Se envía con el reporte',
  'report.facts.help': 'Soporte siempre pide estos datos. Quita lo que prefieras no enviar.',
  'report.facts.url': 'Página',
  'report.facts.capturedAt': 'Fecha de captura',
  'report.facts.viewport': 'Ventana',
  'report.facts.screen': 'Pantalla',
  'report.facts.title': 'Título de la página',
  'report.facts.browser': 'Navegador',
  'report.facts.browser_version': 'Versión del navegador',
  'report.facts.os': 'Sistema operativo',
  'report.facts.language': 'Idioma',
  'report.facts.time_zone': 'Zona horaria',
  'report.facts.extension_version': 'Versión de la extensión',
  'report.facts.remove': 'Quitar {fact} del reporte',
  'report.console.heading': 'Errores en la página ({count})',
  'report.console.empty': 'No se registraron errores ni solicitudes fallidas en la página.',
  'report.console.kind.error': 'Error',
  'report.console.kind.exception': 'Excepción',
  'report.console.kind.network': 'Solicitud fallida',
  'report.console.remove': 'Quitar el error {n} del reporte',

  'report.error.tooManyFiles':
    'Un reporte puede incluir como máximo {max, plural, one {# captura o archivo} other {# capturas y archivos}}.',
  'report.error.fileTooBig': 'Demasiado grande para enviarse (más de {max} MB): {names}.',
  'report.error.reportTooBig': 'Las capturas y los archivos suman en total más de {max} MB.',
  'report.error.report': 'Reporte',

  'report.send.button': 'Enviar reporte',
  'report.send.sending': 'Enviando…',
  'report.send.help':
    'No sale nada de tu navegador hasta que hagas clic en Enviar. Si no se puede acceder al servidor, el reporte espera y se envía cuando vuelva a estar disponible.',
  'report.send.errorsHeading': 'Antes de enviar, revisa {count, plural, one {un punto} other {# puntos}}',
  'report.send.failed': 'No se pudo enviar el reporte: {error}',
  'report.sent.waiting': 'Enviado: esperando al servidor',
  'report.sent.waitingHelp':
    'El reporte está en la bandeja de salida. Puedes cerrar esta pestaña: se entregará igualmente.',
  'report.sent.retrying':
    'Todavía no se entregó: {error}. El próximo intento será el {time}. Puedes cerrar esta pestaña; el reporte espera en la bandeja de salida.',
  'report.sent.refused': 'El servidor no aceptó el reporte: {message}',
  'report.sent.done': 'Reporte recibido',
  'report.sent.reference': 'Tu referencia:',
  'report.sent.doneHelp': 'Soporte se pondrá en contacto contigo. En «Mis reportes» puedes ver cómo avanza.',
  'report.sent.incident': 'Vinculado al incidente conocido «{name}».',

  'report.state.received': 'Recibido',
  'report.state.forwarded': 'En la mesa de ayuda',
  'report.state.retrying': 'Transfiriéndose',
  'report.state.failed': 'Aún no transferido',

  'reports.heading': 'Mis reportes',
  'reports.intro': 'Lo que este navegador envió a soporte, del más reciente al más antiguo.',
  'reports.outboxHeading': 'Pendientes de envío ({count})',
  'reports.outboxHelp':
    'Estos reportes se guardan hasta que el servidor los acepte; nunca se envían dos veces.',
  'reports.waiting': 'En espera',
  'reports.refused': 'Rechazado',
  'reports.createdAt': 'Redactado el {time}',
  'reports.notTried': 'Todavía no se intentó enviar.',
  'reports.lastError':
    'Falló el último intento: {error} ({attempts, plural, one {# intento} other {# intentos}}). Próximo intento: {time}.',
  'reports.refusedMessage': 'El servidor lo rechazó: {message}',
  'reports.retry': 'Reintentar ahora',
  'reports.sentHeading': 'Enviados',
  'reports.refresh': 'Actualizar estados',
  'reports.refreshing': 'Actualizando…',
  'reports.refreshFailed':
    'No se pudo actualizar el estado de {count, plural, one {un reporte} other {# reportes}}: {error}',
  'reports.empty': 'Todavía no se envió ningún reporte desde este navegador.',
  'reports.col.reference': 'Referencia',
  'reports.col.title': 'Título y página',
  'reports.col.sent': 'Enviado',
  'reports.col.state': 'Estado',
  'reports.external': 'Mesa de ayuda: {ref}',
  'reports.incident': 'Incidente:',
  'reports.checkedAt': 'comprobado el {time}',

  'options.heading': 'Configuración de Snapdesk',
  'options.intro': 'Adónde van los reportes y con qué datos se completa cada uno.',
  'options.serverHeading': 'Servidor',
  'options.defaultsHeading': 'Datos que se completan en cada reporte',
  'options.defaultsHelp': 'Puedes cambiarlos igualmente en cada reporte.',
  'options.field.serverUrl': 'Dirección del servidor',
  'options.field.account': 'Cuenta',
  'options.field.country': 'País',
  'options.field.contactEmail': 'Correo de contacto',
  'options.help.serverUrl':
    'La dirección del servidor de Snapdesk de tu organización, por ejemplo https://status.example.com.',
  'options.help.account': 'La cuenta u organización para la que reportas.',
  'options.help.country': 'El país en el que trabajas.',
  'options.help.contactEmail': 'La dirección en la que soporte puede contactarte.',
  'options.invalid.serverUrl': 'Escribe una dirección web que empiece por http:// o https://.',
  'options.invalid.account': 'Como máximo 200 caracteres.',
  'options.invalid.country': 'Elige un país.',
  'options.invalid.contactEmail': 'Escribe una dirección de correo electrónico, como nombre@example.com.',
  'options.managed': 'Lo establece la política de tu organización; no se puede cambiar aquí.',
  'options.managedNote': 'Tu organización establece algunas opciones, que se muestran como de solo lectura.',
  'options.save': 'Guardar',
  'options.saved': 'Guardado.',
  'options.test.button': 'Probar conexión',
  'options.test.testing': 'Probando…',
  'options.test.ok': 'Conectado a {name}: {status}',
  'options.test.failed': 'Sin conexión: {error}',
  'options.test.status': 'el servidor respondió {status}',
  'options.test.notSnapdesk': 'la dirección responde, pero no es un servidor de Snapdesk',

  'options.languageHeading': 'Idioma',
  'options.field.language': 'Idioma de la extensión',
  'options.help.language':
    'Para el formulario de reporte, Mis reportes, esta configuración y el menú contextual. El nombre de la extensión en la lista de extensiones sigue el idioma del navegador.',
  'options.language.browser': 'Idioma del navegador ({language})',

  'extension.name': 'Snapdesk — reportar un problema',
  'extension.description':
    'Reporta un problema con la página que ves: una captura de la página completa, con la URL y la hora, enviada a soporte.',
  'extension.actionTitle': 'Reportar un problema con esta página',
  'extension.commandDescription': 'Reportar un problema con esta página',
  'extension.contextMenuTitle': 'Reportar un problema con esta página',
  'extension.tabTitle': '{page} — Snapdesk',

  // A request's progress at the help desk, as My reports will show it.
  'request.state.received': 'Recibido',
  'request.state.open': 'Abierto',
  'request.state.in_progress': 'En curso',
  'request.state.waiting_for_customer': 'Esperando tu respuesta',
  'request.state.resolved': 'Resuelto',
  'request.state.closed': 'Cerrado',
  'request.state.reopened': 'Reabierto',

  // A request's progress in My reports and its notifications, and the form's e-mail opt-in.
  'requests.notify.title': '{reference}: {state}',
  'requests.notify.comment': 'Soporte escribió: {comment}',
  'requests.latestComment': 'Soporte escribió el {time}:',
  'requests.history.show': 'Historial ({count})',
  'requests.history.heading': 'Historial de {reference}',
  'requests.history.loading': 'Cargando el historial…',
  'requests.history.failed': 'No se pudo cargar el historial: {error}',
  'requests.history.change': '{from} → {to}',
  'requests.history.reason': 'Motivo: {reason}',
  'requests.history.by.console': 'por soporte',
  'requests.history.by.redmine': 'en la mesa de ayuda',
  'requests.history.by.webhook': 'en la mesa de ayuda',
  'requests.history.by.reporter': 'por ti',
  'requests.history.by.system': 'automáticamente',
  'requests.comment.support': 'Soporte',
  'requests.comment.reporter': 'Tú',
  'requests.bell': 'Silenciar las notificaciones de {reference}',
  'requests.bellMuted': 'Notificaciones desactivadas',
  'requests.answer.heading': 'Soporte espera tu respuesta',
  'requests.answer.label': 'Tu respuesta',
  'requests.answer.images': 'Añadir imágenes',
  'requests.answer.imagesHelp':
    'PNG, JPEG o WebP, como máximo {max}. También puedes pegar una imagen en la respuesta.',
  'requests.answer.remove': 'Quitar {name}',
  'requests.answer.tooMany': 'Como máximo {max} imágenes.',
  'requests.answer.wrongType': '{name} no es una imagen PNG, JPEG ni WebP.',
  'requests.answer.empty': 'Escribe primero tu respuesta.',
  'requests.answer.send': 'Enviar respuesta',
  'requests.answer.sent': 'Tu respuesta se ha enviado.',
  'requests.resolved.heading': 'Soporte lo da por resuelto',
  'requests.resolved.help':
    'Confírmalo, o vuelve a abrirlo si el problema sigue. Si no haces ninguna de las dos cosas, se cierra solo en unos días.',
  'requests.confirm': 'Confirmar que está resuelto',
  'requests.confirmed': 'Gracias: la solicitud está cerrada.',
  'requests.reopen': 'Reabrir',
  'requests.reopen.reason': '¿Por qué no está resuelto?',
  'requests.reopen.send': 'Reabrir la solicitud',
  'requests.reopen.cancel': 'Cancelar',
  'requests.reopened': 'La solicitud está abierta de nuevo; soporte volverá a revisarla.',
  'requests.reopen.empty': 'Explica por qué no está resuelto.',
  'requests.working': 'Enviando…',
  'requests.refused': 'El servidor lo rechazó: {message}',
  'requests.unreachable': 'No se pudo contactar con el servidor: {error}',
  'requests.notifyByEmail': 'Avisarme por correo cuando cambie esta solicitud',
  'requests.notifyByEmail.help':
    'Las respuestas de soporte y los cambios de estado llegan a {email}; cada correo trae un enlace para dejar de recibirlos.',
} satisfies Catalogue['form'];
