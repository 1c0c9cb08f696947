import type { Catalogue } from '../catalogue.ts';

/**
 * Czech messages of the public status page: its pages, the words for statuses
 * and impacts (the console and the extension show them too), and the feeds.
 */
export const pageMessages = {
  'status.allOperational': 'Všechny systémy jsou funkční',
  'status.minor': 'Drobný výpadek služeb',
  'status.major': 'Částečný výpadek systémů',
  'status.critical': 'Závažný výpadek služeb',
  'status.maintenance': 'Probíhá údržba služeb',

  'page.title': '{title} · {page}',
  'page.description': '{page}: aktuální stav, incidenty a plánovaná údržba.',
  'page.skipToContent': 'Přeskočit na hlavní obsah',
  'page.navLabel': 'Stavová stránka',
  'page.navStatus': 'Aktuální stav',
  'page.navHistory': 'Historie',
  'page.footerLabel': 'O této stránce',
  'page.language': 'Jazyk',
  'page.poweredBy': 'Běží na platformě Snapdesk',
  'page.api': 'Stavové API (JSON)',
  'page.lastUpdated': 'Naposledy aktualizováno {time}',
  'page.activeIncidents': 'Aktivní incidenty',
  'page.maintenance': 'Plánovaná údržba',
  'page.components': 'Komponenty',
  'page.noComponents': 'Zatím nebyly zveřejněny žádné komponenty.',
  'page.viewHistory': 'Zobrazit historii incidentů',
  'page.affected': 'Dotčeno: {components}',
  'page.notFoundTitle': 'Stránka nenalezena',
  'page.notFoundBody': 'Na této adrese žádná stránka není. Možná byla přesunuta, nebo je v odkazu překlep.',
  'page.backToStatus': 'Přejít na aktuální stav',

  'component.status.operational': 'Funkční',
  'component.status.degraded_performance': 'Snížený výkon',
  'component.status.partial_outage': 'Částečný výpadek',
  'component.status.major_outage': 'Závažný výpadek',
  'component.status.under_maintenance': 'V údržbě',

  'incident.status.investigating': 'Šetření',
  'incident.status.identified': 'Příčina zjištěna',
  'incident.status.monitoring': 'Monitorování',
  'incident.status.resolved': 'Vyřešeno',
  'incident.status.postmortem': 'Rozbor incidentu',

  'maintenance.status.scheduled': 'Naplánováno',
  'maintenance.status.in_progress': 'Probíhá',
  'maintenance.status.verifying': 'Ověřování',
  'maintenance.status.completed': 'Dokončeno',
  'maintenance.window': 'Naplánováno na {window}',

  'impact.none': 'Bez dopadu',
  'impact.minor': 'Malý dopad',
  'impact.major': 'Velký dopad',
  'impact.critical': 'Kritický dopad',
  'impact.maintenance': 'Údržba',

  'incident.fieldStatus': 'Stav',
  'incident.fieldImpact': 'Dopad',
  'incident.fieldStarted': 'Začátek',
  'incident.fieldResolved': 'Vyřešeno',
  'incident.fieldScheduled': 'Naplánováno',
  'incident.fieldCompleted': 'Dokončeno',
  'incident.fieldComponents': 'Dotčené komponenty',
  'incident.updates': 'Aktualizace',
  'incident.noUpdates': 'Zatím nebyly zveřejněny žádné aktualizace.',
  'incident.startedAt': 'Začátek: {time}',
  'incident.resolvedAt': 'Vyřešeno: {time}',
  'incident.resolvedMessage': 'Tento incident byl vyřešen.',

  'history.title': 'Historie incidentů',
  'history.empty': 'Nebyly nahlášeny žádné incidenty',
  'history.pagination': 'Stránky historie incidentů',
  'history.newer': 'Novější incidenty',
  'history.older': 'Starší incidenty',

  'uptime.percent': 'dostupnost {percent} %',
  'uptime.noData': 'Žádná data',
  'uptime.noDowntime': 'Bez výpadku',
  'uptime.majorMinutes': '{minutes} min závažného výpadku',
  'uptime.partialMinutes': '{minutes} min částečného výpadku',
  'uptime.day': '{date}: {summary}',
  'uptime.barLabel':
    '{name}, {days, plural, one {poslední # den} few {poslední # dny} many {posledních # dne} other {posledních # dní}}: {uptime}',
  'uptime.daysAgo': 'před {days, plural, one {# dnem} few {# dny} many {# dne} other {# dny}}',
  'uptime.today': 'Dnes',
  'uptime.daysWithIssues': 'Dny s potížemi: {count}',
  'uptime.legend': 'Co znamenají barvy na pruhu',

  'page.navSubscribe': 'Odebírat aktualizace',
  'page.feeds': 'Kanál incidentů (RSS, Atom)',

  'subscribe.title': 'Odebírat aktualizace',
  'subscribe.intro':
    'Dozvíte se to hned, jakmile {page} zveřejní nebo aktualizuje incident či plánovanou údržbu.',
  'subscribe.emailHeading': 'E-mailem',
  'subscribe.email': 'E-mailová adresa',
  'subscribe.emailHint':
    'Přijde vám jeden e-mail s potvrzovacím odkazem; dokud na něj nekliknete, nic dalšího vám nepošleme.',
  'subscribe.scope': 'Které komponenty?',
  'subscribe.scopeAll': 'Všechny, včetně později přidaných',
  'subscribe.scopeSome': 'Jen ty, které níže zaškrtnu',
  'subscribe.wholeGroup': 'Celou skupinu {group}, včetně komponent, které do ní přibudou později',
  'subscribe.maintenance': 'Informovat mě i o plánované údržbě',
  'subscribe.submit': 'Přihlásit k odběru',
  'subscribe.webhookHeading': 'Webhookem',
  'subscribe.webhookIntro':
    'Každé oznámení se odešle jako JSON ve formátu webhooků stavových stránek, podepsané podle specifikace Standard Webhooks (hlavičky webhook-id, webhook-timestamp a webhook-signature); ověřte ho libovolnou knihovnou pro Standard Webhooks a tajným klíčem, který se zobrazí jen jednou při přidání URL. Adresa URL přidaná zde začne dostávat oznámení, jakmile odpoví na podepsaný ověřovací požadavek hodnotou challenge, kterou požadavek obsahuje.',
  'subscribe.webhookUrl': 'URL webhooku',
  'subscribe.format': 'Formát',
  'subscribe.formatStandard': 'JSON (formát webhooků stavových stránek)',
  'subscribe.formatSlack': 'Příchozí webhook Slacku nebo Mattermostu',
  'subscribe.webhookSubmit': 'Přidat webhook',
  'subscribe.feedsHeading': 'Ve čtečce kanálů',
  'subscribe.feedsIntro': 'Všechny incidenty a údržby i s jejich aktualizacemi:',
  'subscribe.problem': 'Opravte prosím: {problem}',
  'subscribe.checkInboxTitle': 'Zkontrolujte doručenou poštu',
  'subscribe.checkInbox':
    'Na adresu {email} jsme odeslali zprávu s potvrzovacím odkazem. Dokud na odkaz nikdo neklikne, nic dalšího na ni nepošleme.',
  'subscribe.webhookAddedTitle': 'Webhook přidán',
  'subscribe.webhookAdded': 'Oznámení budou odesílána na {url}.',
  'subscribe.webhookPending':
    'Na {url} jsme odeslali podepsaný ověřovací požadavek (subscription.verify). Oznámení začnou chodit, jakmile na něj příjemce do {time} odpoví hodnotou challenge, nebo jakmile do té doby někdo otevře potvrzovací odkaz, který obsahuje.',
  'subscribe.slackPending':
    'Na {url} jsme odeslali zprávu s potvrzovacím odkazem. Oznámení začnou chodit, jakmile tam někdo na odkaz klikne, a to do {time}.',
  'subscribe.secret': 'Podpisový klíč (zobrazí se jen tentokrát):',
  'subscribe.manageLink': 'Tento odběr můžete kdykoli změnit nebo zrušit zde:',

  'confirm.title': 'Potvrďte odběr',
  'confirm.body': 'Posílat aktualizace stavové stránky {page} na adresu {address}?',
  'confirm.submit': 'Potvrdit odběr',
  'confirm.doneTitle': 'Odběr potvrzen',
  'confirm.done': 'Aktualizace stavové stránky {page} budou nyní chodit na adresu {address}.',

  'manage.title': 'Správa odběru',
  'manage.for': 'Aktualizace chodí na adresu {address}.',
  'manage.save': 'Uložit změny',
  'manage.saved': 'Změny jsou uloženy.',
  'manage.leave': 'Zrušit všechny aktualizace a zapomenout tuto adresu.',
  'manage.language': 'Jazyk e-mailů a zpráv',

  'unsubscribe.title': 'Odhlášení odběru',
  'unsubscribe.ask': 'Přestat posílat aktualizace stavu na adresu {address}?',
  'unsubscribe.submit': 'Odhlásit odběr',
  'unsubscribe.doneTitle': 'Odběr je odhlášen',
  'unsubscribe.done': 'Další aktualizace už nepřijdou. K odběru se můžete kdykoli znovu přihlásit.',
  'unsubscribe.again': 'Znovu se přihlásit k odběru',

  'error.title': 'To se nepovedlo',

  'feed.title': '{page}: historie incidentů',
  'feed.componentTitle': '{page}: historie incidentů komponenty {component}',
  'feed.description': 'Incidenty a plánovaná údržba zveřejněné na stránce {page}, se všemi aktualizacemi.',

  // The page a reporter's mail opens to stop the mails about one report.
  'requestMail.stopTitle': 'E-maily k hlášení {reference}',
  'requestMail.stopAsk':
    'Přestat zasílat e-maily k vašemu hlášení {reference} „{title}“? Ostatních vašich hlášení se to netýká.',
  'requestMail.stopSubmit': 'Nezasílat e-maily',
  'requestMail.stoppedTitle': 'Žádné další e-maily k hlášení {reference}',
  'requestMail.stopped':
    'K tomuto hlášení vám už nepošleme žádné e-maily. Jeho průběh dál uvidíte v rozšíření.',
} satisfies Catalogue['page'];
