import type { Catalogue } from '../catalogue.ts';

/**
 * Romanian messages of the public status page: its pages, the words for statuses
 * and impacts (the console and the extension show them too), and the feeds.
 */
export const pageMessages = {
  'status.allOperational': 'Toate sistemele sunt operaționale',
  'status.minor': 'Întrerupere minoră a serviciului',
  'status.major': 'Întrerupere parțială a sistemului',
  'status.critical': 'Întrerupere majoră a serviciului',
  'status.maintenance': 'Serviciu în mentenanță',

  'page.title': '{title} · {page}',
  'page.description': 'Starea actuală, incidentele și lucrările de mentenanță programate pentru {page}.',
  'page.skipToContent': 'Salt la conținutul principal',
  'page.navLabel': 'Pagina de status',
  'page.navStatus': 'Starea actuală',
  'page.navHistory': 'Istoric',
  'page.footerLabel': 'Despre această pagină',
  'page.language': 'Limba',
  'page.poweredBy': 'Realizat cu Snapdesk',
  'page.api': 'API de status (JSON)',
  'page.lastUpdated': 'Ultima actualizare: {time}',
  'page.activeIncidents': 'Incidente active',
  'page.maintenance': 'Mentenanță programată',
  'page.components': 'Componente',
  'page.noComponents': 'Nu a fost publicată încă nicio componentă.',
  'page.viewHistory': 'Vedeți istoricul incidentelor',
  'page.affected': 'Componente afectate: {components}',
  'page.notFoundTitle': 'Pagina nu a fost găsită',
  'page.notFoundBody':
    'La această adresă nu există nicio pagină. Este posibil să fi fost mutată sau ca linkul să fie scris greșit.',
  'page.backToStatus': 'Mergeți la starea actuală',

  'component.status.operational': 'Operațional',
  'component.status.degraded_performance': 'Performanță degradată',
  'component.status.partial_outage': 'Întrerupere parțială',
  'component.status.major_outage': 'Întrerupere majoră',
  'component.status.under_maintenance': 'În mentenanță',

  'incident.status.investigating': 'În investigare',
  'incident.status.identified': 'Identificat',
  'incident.status.monitoring': 'În monitorizare',
  'incident.status.resolved': 'Rezolvat',
  'incident.status.postmortem': 'Analiză post-incident',

  'maintenance.status.scheduled': 'Programată',
  'maintenance.status.in_progress': 'În desfășurare',
  'maintenance.status.verifying': 'În verificare',
  'maintenance.status.completed': 'Finalizată',
  'maintenance.window': 'Programată: {window}',

  'impact.none': 'Fără impact',
  'impact.minor': 'Impact minor',
  'impact.major': 'Impact major',
  'impact.critical': 'Impact critic',
  'impact.maintenance': 'Mentenanță',

  'incident.fieldStatus': 'Stare',
  'incident.fieldImpact': 'Impact',
  'incident.fieldStarted': 'Început',
  'incident.fieldResolved': 'Rezolvat',
  'incident.fieldScheduled': 'Interval programat',
  'incident.fieldCompleted': 'Finalizat',
  'incident.fieldComponents': 'Componente afectate',
  'incident.updates': 'Actualizări',
  'incident.noUpdates': 'Nu a fost publicată încă nicio actualizare.',
  'incident.startedAt': 'Început: {time}',
  'incident.resolvedAt': 'Rezolvat: {time}',
  'incident.resolvedMessage': 'Acest incident a fost rezolvat.',

  'history.title': 'Istoricul incidentelor',
  'history.empty': 'Niciun incident raportat',
  'history.pagination': 'Paginile istoricului de incidente',
  'history.newer': 'Incidente mai recente',
  'history.older': 'Incidente mai vechi',

  'uptime.percent': '{percent} % disponibilitate',
  'uptime.noData': 'Fără date',
  'uptime.noDowntime': 'Fără întreruperi',
  'uptime.majorMinutes': '{minutes} min de întrerupere majoră',
  'uptime.partialMinutes': '{minutes} min de întrerupere parțială',
  'uptime.day': '{date}: {summary}',
  'uptime.barLabel':
    '{name}, {days, plural, one {ultima zi} few {ultimele # zile} other {ultimele # de zile}}: {uptime}',
  'uptime.daysAgo': '{days, plural, one {acum # zi} few {acum # zile} other {acum # de zile}}',
  'uptime.today': 'Astăzi',
  'uptime.daysWithIssues': 'Zile cu probleme: {count}',
  'uptime.legend': 'Ce înseamnă culorile barei',

  'page.navSubscribe': 'Abonați-vă la actualizări',
  'page.feeds': 'Feed de incidente (RSS, Atom)',

  'subscribe.title': 'Abonați-vă la actualizări',
  'subscribe.intro':
    'Aflați de la {page} imediat ce un incident sau o lucrare de mentenanță programată este publicată sau actualizată.',
  'subscribe.emailHeading': 'Prin e-mail',
  'subscribe.email': 'Adresă de e-mail',
  'subscribe.emailHint':
    'Veți primi un singur e-mail cu un link de confirmare; nu vi se trimite nimic altceva până nu accesați linkul.',
  'subscribe.scope': 'Pentru ce componente?',
  'subscribe.scopeAll': 'Pentru toate, inclusiv cele adăugate ulterior',
  'subscribe.scopeSome': 'Doar pentru cele bifate mai jos',
  'subscribe.wholeGroup': 'Tot grupul {group}, inclusiv componentele adăugate ulterior în el',
  'subscribe.maintenance': 'Anunțați-mă și despre lucrările de mentenanță programate',
  'subscribe.submit': 'Abonare',
  'subscribe.webhookHeading': 'Prin webhook',
  'subscribe.webhookIntro':
    'Fiecare notificare este trimisă ca JSON în formatul de webhook al paginilor de status, semnată conform Standard Webhooks (anteturile webhook-id, webhook-timestamp și webhook-signature); verificați-o cu orice bibliotecă Standard Webhooks și cu secretul afișat o singură dată, când adăugați URL-ul. Un URL adăugat aici primește notificări după ce a răspuns cu codul de verificare (challenge) la o cerere de verificare semnată.',
  'subscribe.webhookUrl': 'URL-ul webhookului',
  'subscribe.format': 'Format',
  'subscribe.formatStandard': 'JSON (formatul de webhook al paginilor de status)',
  'subscribe.formatSlack': 'Webhook de intrare Slack sau Mattermost',
  'subscribe.webhookSubmit': 'Adăugați webhookul',
  'subscribe.feedsHeading': 'Printr-un cititor de feeduri',
  'subscribe.feedsIntro': 'Toate incidentele și lucrările de mentenanță, cu actualizările lor:',
  'subscribe.problem': 'Corectați următoarea problemă: {problem}',
  'subscribe.checkInboxTitle': 'Verificați-vă căsuța de e-mail',
  'subscribe.checkInbox':
    'Un mesaj cu un link de confirmare a fost trimis la {email}. Nu se mai trimite nimic la această adresă până nu este accesat linkul.',
  'subscribe.webhookAddedTitle': 'Webhook adăugat',
  'subscribe.webhookAdded': 'Notificările vor fi trimise la {url}.',
  'subscribe.webhookPending':
    'O cerere de verificare semnată (subscription.verify) a fost trimisă la {url}. Notificările vor începe după ce destinatarul răspunde la ea cu codul de verificare (challenge) sau după ce cineva accesează linkul de confirmare din ea, înainte de {time}.',
  'subscribe.slackPending':
    'Un mesaj cu un link de confirmare a fost trimis la {url}. Notificările vor începe după ce cineva de acolo accesează linkul, înainte de {time}.',
  'subscribe.secret': 'Secretul de semnare (afișat doar de data aceasta):',
  'subscribe.manageLink': 'Puteți modifica sau șterge oricând acest abonament aici:',

  'confirm.title': 'Confirmați abonamentul',
  'confirm.body': 'Trimitem actualizările de status de la {page} la {address}?',
  'confirm.submit': 'Confirmați abonamentul',
  'confirm.doneTitle': 'Abonament confirmat',
  'confirm.done': 'De acum, actualizările de la {page} vor fi trimise la {address}.',

  'manage.title': 'Gestionați abonamentul',
  'manage.for': 'Actualizările sunt trimise la {address}.',
  'manage.save': 'Salvați modificările',
  'manage.saved': 'Modificările au fost salvate.',
  'manage.leave': 'Opriți toate actualizările și ștergeți această adresă.',
  'manage.language': 'Limba e-mailurilor și a mesajelor',

  'unsubscribe.title': 'Dezabonare',
  'unsubscribe.ask': 'Oprim trimiterea actualizărilor de status la {address}?',
  'unsubscribe.submit': 'Dezabonați-mă',
  'unsubscribe.doneTitle': 'V-ați dezabonat',
  'unsubscribe.done': 'Nu vă vom mai trimite actualizări. Vă puteți abona din nou oricând.',
  'unsubscribe.again': 'Abonați-vă din nou',

  'error.title': 'Operațiunea nu a reușit',

  'feed.title': '{page}: istoricul incidentelor',
  'feed.componentTitle': '{page}: istoricul incidentelor pentru {component}',
  'feed.description':
    'Incidentele și lucrările de mentenanță programate publicate pe {page}, cu toate actualizările.',

  // The page a reporter's mail opens to stop the mails about one report.
  'requestMail.stopTitle': 'E-mailuri despre {reference}',
  'requestMail.stopAsk':
    'Opriți e-mailurile despre raportul dumneavoastră {reference} „{title}”? Celelalte rapoarte ale dumneavoastră nu sunt afectate.',
  'requestMail.stopSubmit': 'Opriți e-mailurile',
  'requestMail.stoppedTitle': 'Nu mai primiți e-mailuri despre {reference}',
  'requestMail.stopped':
    'Nu veți mai primi e-mailuri despre acest raport. Extensia arată în continuare cum evoluează.',
} satisfies Catalogue['page'];
