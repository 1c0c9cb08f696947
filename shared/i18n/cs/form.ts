import type { Catalogue } from '../catalogue.ts';

/**
 * Czech messages of the extension: the report form (title hints, priority levels and advice,
 * request types and fields), My reports and the options page.
 */
export const formMessages = {
  'report.title.empty': 'Do předmětu napište, co je špatně a kde.',
  'report.title.allCaps':
    'Napište prosím předmět běžným písmem: velká písmena působí jako křik a prioritu nezvýší.',
  'report.title.shouting':
    'Několik slov je napsaných velkými písmeny, což působí jako křik. Velká písmena ponechte pro názvy a kódy.',
  'report.title.tooShort':
    'Takto krátký předmět toho obvykle moc neřekne. Napište alespoň {minWords, plural, one {# slovo} few {# slova} many {# slova} other {# slov}} nebo {minLength, plural, one {# znak} few {# znaky} many {# znaku} other {# znaků}}: co nefunguje, kde a u které objednávky nebo stránky.',
  'report.title.vague':
    'Se samotným „nefunguje to“ nebo „chyba“ nemůžeme nic udělat. Napište, co nefunguje, kde a u které objednávky, produktu nebo stránky.',
  'report.title.isDown':
    'Pokud nefunguje celá služba, podpora o tom nejspíš už ví: podívejte se na stavovou stránku. Pokud vám nefunguje jedna konkrétní funkce, uveďte ji v předmětu.',
  'report.title.bareReference':
    'Samotné číslo tiketu problém nepopisuje. Napište, co je stále špatně; na předchozí tiket odkažte v popisu.',
  'report.title.urgency':
    'Slova jako „urgentní“ v předmětu nic neurychlí. Místo toho zvolte prioritu a předmět ponechte popisný.',
  'report.title.examplesHeading': 'Předměty, které podpoře pomohou:',
  'report.title.example.invoiced': 'Objednávka 456 je vedená jako vyfakturovaná, ale nikdy nebyla odeslána',
  'report.title.example.images': 'Obrázky produktů se na stránce kategorie nezobrazují tak, jak mají',
  'report.title.example.banner':
    'Potřebujeme na webu vyměnit banner: můžete nám poslat postup krok za krokem?',
  'report.title.example.picking':
    'Zkoušeli jsme vychystat objednávku 543, ale systém nás nepustí dál k balení',

  'report.priority.low': 'Nízká',
  'report.priority.low.definition': 'Kosmetická nebo drobná vada; může počkat na plánovanou práci.',
  'report.priority.normal': 'Normální',
  'report.priority.normal.definition':
    'Něco funguje špatně, ale existuje náhradní řešení nebo se to týká jen několika lidí. Plánuje se podle dopadu.',
  'report.priority.high': 'Vysoká',
  'report.priority.high.definition':
    'Důležitá práce vašeho týmu je zablokovaná a neexistuje náhradní řešení, ale zákazníci mohou dál objednávat a platit.',
  'report.priority.immediate': 'Okamžitá',
  'report.priority.immediate.definition':
    'Jen pro naléhavé případy: zákazníci nemohou dokončit objednávku nebo zaplatit (platba, dokončení objednávky, vložení do košíku). Přeruší plánovanou práci.',
  'report.priority.advice.immediate':
    'Priorita „Okamžitá“ je vyhrazena pro naléhavé případy, kdy zákazníci nemohou dokončit objednávku nebo zaplatit. Pokud to není váš případ, zvolte „Vysoká“ nebo „Normální“, aby skutečně naléhavé případy dál vynikly.',
  'report.priority.advice.high':
    'Priorita „Vysoká“ je pro důležitou práci, která je zablokovaná a nemá náhradní řešení. Pokud náhradní řešení existuje, s prioritou „Normální“ se naplánuje stejně dobře.',
  'report.priority.advice.ordering':
    'Uvedli jste, že zákazníci nemohou dokončit objednávku nebo zaplatit: právě k tomu slouží priorita „Okamžitá“.',

  'report.priority.useSuggested': 'Použít prioritu „{level}“',

  'report.blocking.ordering': 'Zákazníci nemohou dokončit objednávku nebo zaplatit',
  'report.blocking.work': 'Důležitá práce je zablokovaná a neexistuje náhradní řešení',
  'report.blocking.none': 'Něco je špatně nebo pomalé, ale existuje náhradní řešení',

  // What a field's constraints in the form configuration say when broken.
  'report.error.required': 'Vyplňte prosím toto pole.',
  'report.error.wholeNumber': 'Zadejte prosím celé číslo, například 12.',
  'report.error.min': 'Zadejte prosím hodnotu {min} nebo vyšší.',
  'report.error.max': 'Zadejte prosím hodnotu {max} nebo nižší.',
  'report.error.maxLength':
    'Zkraťte prosím text na nejvýše {max, plural, one {# znak} few {# znaky} many {# znaku} other {# znaků}}.',
  'report.error.email': 'Zadejte prosím e-mailovou adresu, například jmeno@example.com.',
  'report.error.url': 'Zadejte prosím webovou adresu, která začíná http:// nebo https://.',
  'report.error.invalid': 'V této podobě to nelze odeslat; zkontrolujte to prosím.',

  'report.type.question': 'Dotaz',
  'report.type.question.help':
    'Potřebujete pomoc nebo máte dotaz, na který jste v dokumentaci nenašli odpověď.',
  'report.type.broken': 'Něco nefunguje',
  'report.type.broken.help':
    'Některá funkce nefunguje tak, jak popisuje dokumentace, nebo jak fungovala dřív.',
  'report.type.feature': 'Námět na novou funkci',
  'report.type.feature.help': 'Chtěli byste, aby produkt uměl něco nového.',

  'report.field.title': 'Předmět',
  'report.field.title.help': 'Co je špatně a kde, na jednom řádku – jako předmět dopisu.',
  'report.field.description': 'Popis',
  'report.field.description.help':
    'Co se stalo, kdy a jak. Uveďte čísla a ID, která podpora potřebuje: objednávky, produktu, kampaně, zákazníka.',
  'report.field.goal': 'Čeho chcete dosáhnout?',
  'report.field.goal.help':
    'Když víme, jaký cíl za námětem stojí, snáze najdeme nejlepší cestu, jak ho dosáhnout.',
  'report.field.stepsToReproduce': 'Postup k reprodukci',
  'report.field.stepsToReproduce.help': 'Krok za krokem od začátku: co udělat, aby se problém projevil.',
  'report.field.expected': 'Co jste očekávali?',
  'report.field.actual': 'Co se stalo místo toho?',
  'report.field.howBefore': 'Jak to bylo dříve?',
  'report.field.howBefore.help': 'Pokud to dřív fungovalo, od kdy to nefunguje?',
  'report.field.blocking': 'Co to blokuje?',
  'report.field.impactPeople': 'Počet dotčených lidí',
  'report.field.impactOrders': 'Počet dotčených objednávek',
  'report.field.impactBranches': 'Počet dotčených poboček nebo prodejen',
  'report.field.impact.help': 'Číslo, i jen přibližné, nám pomůže porovnat to s ostatní prací.',
  'report.field.workingExamples': 'Příklady, které fungují',
  'report.field.failingExamples': 'Příklady, které nefungují',
  'report.field.examples.help': 'Pokud můžete, aspoň tři od každého: čísla objednávek, odkazy, produkty.',
  'report.field.alreadyTried': 'Co jste už zkusili?',
  'report.field.priority': 'Priorita',
  'report.field.priority.help': 'U každé úrovně je uvedeno, kdy ji použít.',
  'report.field.account': 'Účet',
  'report.field.account.help': 'Účet, ve kterém se to děje.',
  'report.field.shareWith': 'Sdílet s',
  'report.field.shareWith.help': 'Organizace, za kterou problém hlásíte, pokud patříte do více organizací.',
  'report.field.country': 'Země',
  'report.field.country.help': 'Země, ve které se to děje.',
  'report.field.contactEmail': 'Kontaktní e-mail',
  'report.field.contactEmail.help': 'Kam vám může podpora ohledně tohoto hlášení napsat.',

  // The extension's pages: the report form, "My reports" and settings.
  'report.page.heading': 'Nahlásit problém',
  'report.page.subtitle': 'Na webu {host}',
  'report.page.subtitleNoPage': 'Popište problém a přiložte to, na čem je vidět.',
  'report.page.nav': 'Stránky Snapdesku',
  'report.page.myReports': 'Moje hlášení',
  'report.page.settings': 'Nastavení',
  'report.page.loading': 'Načítání…',
  'report.page.required': 'povinné',
  'report.page.choose': 'Vyberte…',
  'report.page.remove': 'Odebrat',
  'report.page.problemHeading': 'Problém',
  'report.page.reporterHeading': 'Jak vás může podpora kontaktovat',
  'report.page.typeLegend': 'O jaký typ požadavku jde?',
  'report.page.pageUrl': 'Adresa stránky',
  'report.page.pageUrlHelp':
    'Stránku se nepodařilo zachytit, vložte sem proto její adresu (z adresního řádku).',
  'report.page.captureError':
    'Tuto stránku se nepodařilo zachytit ({error}). Problém můžete přesto popsat a přiložit snímky obrazovky nebo soubory.',
  'report.page.offlineForm':
    'Formulář se nepodařilo načíst ze serveru, proto se zobrazuje jeho poslední známá verze. Pokud je server nedostupný, hlášení odeslané teď počká ve frontě k odeslání, dokud nebude znovu dostupný.',
  'report.page.draftMissing': 'Tento koncept už neexistuje. Možná byl odeslán z jiné karty.',
  'report.page.noDraft':
    'Chcete-li nahlásit problém, otevřete stránku, kde k němu dochází, a klikněte na tlačítko Snapdesk na panelu nástrojů (nebo stiskněte Alt+Shift+R).',
  'report.page.alreadySent': 'Toto hlášení už bylo odesláno; čeká ve frontě k odeslání, nebo už dorazilo.',
  'report.page.saved': 'Koncept uložen: {time}',
  'report.page.saveFailed': 'Koncept se nepodařilo uložit: {error}',

  'report.incident.heading': 'Podpora už o problému na tomto webu ví',
  'report.incident.explain':
    'Pokud vidíte právě tento problém, není třeba ho hlásit: přihlaste se k odběru a dozvíte se, až bude vyřešen. Pokud je váš problém jiný, nahlaste ho níže.',
  'report.incident.subscribe': 'Odebírat aktualizace',
  'report.incident.reportAnyway': 'Přesto nahlásit (s propojením na tento incident)',
  'report.incident.linked': 'Vaše hlášení bude propojeno s tímto incidentem.',
  'report.incident.unlink': 'Nepropojovat',

  'report.duplicate.heading': 'Problém na této stránce jste už nahlásili',
  'report.duplicate.sentAt': 'odesláno {time}',
  'report.duplicate.explain':
    'Pokud jde o stejný problém, podpora už na něm pracuje: druhé hlášení nic neurychlí. Pokud jde o jiný problém, pokračujte.',
  'report.duplicate.continue': 'Jde o jiný problém – pokračovat',

  'report.series.heading': 'Snímky obrazovky a soubory',
  'report.series.help':
    'Podpora je bude procházet v tomto pořadí, krok za krokem. Po otevření snímku do něj můžete přidat značky nebo začernit to, co nemá být vidět.',
  'report.series.empty': 'Zatím žádné snímky obrazovky.',
  'report.series.open': 'Snímek obrazovky {n}: {what}. Otevřít a přidat poznámky',
  'report.series.method.viewport': 'Viditelná část',
  'report.series.method.stitched': 'Celá stránka',
  'report.series.method.html2canvas': 'Celá stránka (vykreslená)',
  'report.series.method.upload': 'Nahraný obrázek',
  'report.series.marks': '{count, plural, one {# značka} few {# značky} many {# značky} other {# značek}}',
  'report.series.truncated': 'oříznuto na maximální velikost',
  'report.series.moveUp': 'Posunout snímek obrazovky {n} nahoru',
  'report.series.moveDown': 'Posunout snímek obrazovky {n} dolů',
  'report.series.removeCapture': 'Odebrat snímek obrazovky {n}',
  'report.series.addStep': 'Přidat krok',
  'report.series.addingStep': 'Zachytávání…',
  'report.series.addStepHelp': 'Na stránce přejděte k dalšímu kroku, pak se sem vraťte a přidejte ho.',
  'report.series.noTab':
    'Karta se stránkou není známa, proto nelze přidat další krok; přiložte místo toho soubory.',
  'report.series.noAnswer': 'rozšíření neodpovědělo',
  'report.series.stepFailed': 'Krok se nepodařilo zachytit: {error}',
  'report.series.attach': 'Přiložit soubory…',
  'report.series.filesHeading': 'Přiložené soubory',
  'report.series.removeFile': 'Odebrat {name}',
  'report.series.wrongType': 'Soubor {name} není obrázek ani PDF.',
  'report.series.fileTooBig': 'Soubor {name} je větší než {max} MB.',
  'report.series.sizeKb': '{size} kB',
  'report.series.sizeMb': '{size} MB',

  'report.annotate.heading': 'Poznámky ke snímku obrazovky {n}',
  'report.annotate.help':
    'Kreslete tažením po obrázku. Text nejprve napište a pak klikněte tam, kam ho chcete umístit. Černé obdélníky v odeslaném obrázku nevratně odstraní vše, co je pod nimi.',
  'report.annotate.tool': 'Nástroj',
  'report.annotate.tool.rect': 'Obdélník',
  'report.annotate.tool.arrow': 'Šipka',
  'report.annotate.tool.text': 'Text',
  'report.annotate.tool.redact': 'Začernit',
  'report.annotate.color': 'Barva',
  'report.annotate.color.red': 'Červená',
  'report.annotate.color.orange': 'Oranžová',
  'report.annotate.color.blue': 'Modrá',
  'report.annotate.color.green': 'Zelená',
  'report.annotate.undo': 'Zpět',
  'report.annotate.redo': 'Znovu',
  'report.annotate.textLabel': 'Text k umístění',
  'report.annotate.textFirst': 'Nejprve napište text a pak klikněte tam, kam patří.',
  'report.annotate.canvasLabel':
    'Snímek obrazovky {n} s {count, plural, one {# značkou} few {# značkami} many {# značky} other {# značkami}}',
  'report.annotate.cannotOpen': 'Tento obrázek nelze otevřít pro přidání poznámek.',
  'report.annotate.marksHeading': 'Značky na tomto snímku obrazovky',
  'report.annotate.mark.rect': 'Obdélník na pozici {x}, {y} ({w} × {h})',
  'report.annotate.mark.redact': 'Začerněná oblast na pozici {x}, {y} ({w} × {h})',
  'report.annotate.mark.arrow': 'Šipka z bodu {x}, {y} do bodu {x2}, {y2}',
  'report.annotate.mark.text': 'Text „{text}“ na pozici {x}, {y}',
  'report.annotate.removeMark': 'Odebrat: {mark}',

  'report.facts.heading': 'Odešle se spolu s hlášením',
  'report.facts.help': 'Tyto údaje podpora vždy potřebuje. Odeberte cokoli, co nechcete posílat.',
  'report.facts.url': 'Stránka',
  'report.facts.capturedAt': 'Zachyceno',
  'report.facts.viewport': 'Okno',
  'report.facts.screen': 'Obrazovka',
  'report.facts.title': 'Název stránky',
  'report.facts.browser': 'Prohlížeč',
  'report.facts.browser_version': 'Verze prohlížeče',
  'report.facts.os': 'Operační systém',
  'report.facts.language': 'Jazyk',
  'report.facts.time_zone': 'Časové pásmo',
  'report.facts.extension_version': 'Verze rozšíření',
  'report.facts.remove': 'Odebrat z hlášení: {fact}',
  'report.console.heading': 'Chyby na stránce ({count})',
  'report.console.empty': 'Na stránce nebyly zaznamenány žádné chyby ani neúspěšné požadavky.',
  'report.console.kind.error': 'Chyba',
  'report.console.kind.exception': 'Výjimka',
  'report.console.kind.network': 'Neúspěšný požadavek',
  'report.console.remove': 'Odebrat chybu {n} z hlášení',

  'report.error.tooManyFiles':
    'Hlášení může obsahovat nejvýše {max, plural, one {# snímek obrazovky nebo soubor} few {# snímky obrazovky a soubory} many {# snímku obrazovky a souboru} other {# snímků obrazovky a souborů}}.',
  'report.error.fileTooBig': 'Příliš velké k odeslání (více než {max} MB): {names}.',
  'report.error.reportTooBig': 'Snímky obrazovky a soubory mají dohromady více než {max} MB.',
  'report.error.report': 'Hlášení',

  'report.send.button': 'Odeslat hlášení',
  'report.send.sending': 'Odesílání…',
  'report.send.help':
    'Dokud nekliknete na „Odeslat hlášení“, nic z vašeho prohlížeče neodejde. Pokud je server nedostupný, hlášení počká a odešle se, jakmile bude server znovu dostupný.',
  'report.send.errorsHeading':
    'Před odesláním prosím zkontrolujte {count, plural, one {jednu položku} few {# položky} many {# položky} other {# položek}}',
  'report.send.failed': 'Hlášení se nepodařilo odeslat: {error}',
  'report.sent.waiting': 'Odesláno – čeká se na server',
  'report.sent.waitingHelp':
    'Hlášení je ve frontě k odeslání. Tuto kartu můžete zavřít; hlášení bude doručeno.',
  'report.sent.retrying':
    'Zatím nedoručeno: {error}. Další pokus: {time}. Tuto kartu můžete zavřít; hlášení počká ve frontě k odeslání.',
  'report.sent.refused': 'Server hlášení nepřijal: {message}',
  'report.sent.done': 'Hlášení přijato',
  'report.sent.reference': 'Číslo vašeho hlášení:',
  'report.sent.doneHelp': 'Podpora se vám ozve. Jak se hlášení řeší, uvidíte v části „Moje hlášení“.',
  'report.sent.incident': 'Propojeno se známým incidentem „{name}“.',

  'report.state.received': 'Přijato',
  'report.state.forwarded': 'Předáno na helpdesk',
  'report.state.retrying': 'Předává se',
  'report.state.failed': 'Zatím nepředáno',

  'reports.heading': 'Moje hlášení',
  'reports.intro': 'Co tento prohlížeč odeslal podpoře, od nejnovějšího.',
  'reports.outboxHeading': 'Čeká na odeslání ({count})',
  'reports.outboxHelp':
    'Tato hlášení zůstanou uložená, dokud je server nepřevezme; nikdy se neodešlou dvakrát.',
  'reports.waiting': 'Čeká',
  'reports.refused': 'Odmítnuto',
  'reports.createdAt': 'Vytvořeno {time}',
  'reports.notTried': 'Zatím bez pokusu o odeslání.',
  'reports.lastError':
    'Poslední pokus selhal: {error} ({attempts, plural, one {# pokus} few {# pokusy} many {# pokusu} other {# pokusů}}). Další pokus: {time}.',
  'reports.refusedMessage': 'Server hlášení odmítl: {message}',
  'reports.retry': 'Zkusit znovu hned',
  'reports.sentHeading': 'Odeslaná hlášení',
  'reports.refresh': 'Aktualizovat stavy',
  'reports.refreshing': 'Aktualizace…',
  'reports.refreshFailed':
    'Stav {count, plural, one {jednoho hlášení} few {# hlášení} many {# hlášení} other {# hlášení}} se nepodařilo aktualizovat: {error}',
  'reports.empty': 'Z tohoto prohlížeče zatím nebyla odeslána žádná hlášení.',
  'reports.col.reference': 'Číslo',
  'reports.col.title': 'Předmět a stránka',
  'reports.col.sent': 'Odesláno',
  'reports.col.state': 'Stav',
  'reports.external': 'Helpdesk: {ref}',
  'reports.incident': 'Incident:',
  'reports.checkedAt': 'zkontrolováno {time}',

  'options.heading': 'Nastavení Snapdesku',
  'options.intro': 'Kam se hlášení odesílají a co se do každého hlášení předvyplní.',
  'options.serverHeading': 'Server',
  'options.defaultsHeading': 'Předvyplněno v každém hlášení',
  'options.defaultsHelp': 'U každého hlášení je můžete i tak změnit.',
  'options.field.serverUrl': 'Adresa serveru',
  'options.field.account': 'Účet',
  'options.field.country': 'Země',
  'options.field.contactEmail': 'Kontaktní e-mail',
  'options.help.serverUrl': 'Adresa serveru Snapdesk vaší organizace, například https://status.example.com.',
  'options.help.account': 'Účet nebo organizace, za kterou hlásíte.',
  'options.help.country': 'Země, ve které pracujete.',
  'options.help.contactEmail': 'Kam vám může podpora napsat.',
  'options.invalid.serverUrl': 'Zadejte webovou adresu, která začíná http:// nebo https://.',
  'options.invalid.account': 'Nejvýše 200 znaků.',
  'options.invalid.country': 'Vyberte zemi.',
  'options.invalid.contactEmail': 'Zadejte e-mailovou adresu, například jmeno@example.com.',
  'options.managed': 'Nastaveno zásadami vaší organizace; zde to nelze změnit.',
  'options.managedNote': 'Některá nastavení určuje vaše organizace, a proto jsou jen pro čtení.',
  'options.save': 'Uložit',
  'options.saved': 'Uloženo.',
  'options.test.button': 'Otestovat připojení',
  'options.test.testing': 'Testování…',
  'options.test.ok': 'Připojeno – {name}: {status}',
  'options.test.failed': 'Připojení se nezdařilo: {error}',
  'options.test.status': 'server odpověděl stavem {status}',
  'options.test.notSnapdesk': 'adresa odpovídá, ale nejde o server Snapdesk',

  'options.languageHeading': 'Jazyk',
  'options.field.language': 'Jazyk rozšíření',
  'options.help.language':
    'Pro formulář hlášení, Moje hlášení, toto nastavení a položku v kontextové nabídce. Název rozšíření v seznamu rozšíření prohlížeče se řídí jazykem prohlížeče.',
  'options.language.browser': 'Jazyk prohlížeče ({language})',

  'options.incidentsHeading': 'Upozornění na incidenty',
  'options.incidentsHelp':
    'Když incident začne, změní se nebo je vyřešen, řekne vám to oznámení a tlačítko na liště, s odkazem na incident. Rozšíření si od serveru bere jeho veřejný seznam incidentů; stránka, kterou máte otevřenou, se s ním porovnává tady ve vašem prohlížeči a nikam se neposílá.',
  'options.field.incidentAlerts': 'Upozorňovat na incidenty',
  'options.incidentAlerts.off': 'Vypnuto',
  'options.incidentAlerts.sites':
    'Na webech, kde pracuji: stránka, kterou mám před sebou, a weby, ze kterých odešlo hlášení za posledních 90 dní',
  'options.incidentAlerts.components': 'Na komponentách, které si vyberu',
  'options.field.incidentComponents': 'Komponenty',
  'options.incidentComponents.loading': 'Načítají se komponenty serveru…',
  'options.incidentComponents.failed': 'Komponenty se nepodařilo načíst: {error}',
  'options.incidentComponents.none': 'Server neuvádí žádné komponenty.',
  'options.invalid.incidentComponents': 'Vyberte aspoň jednu komponentu.',
  'options.field.incidentIntervalMinutes': 'Kontrolovat každých (minut)',
  'options.help.incidentIntervalMinutes':
    'Nejméně 1. Kontrola, která nenajde nic nového, server skoro nic nestojí.',
  'options.invalid.incidentIntervalMinutes': 'Zadejte celý počet minut od 1 do 1440.',
  'incidents.notice.started': 'Incident: {name}',
  'incidents.notice.updated': 'Aktualizace incidentu: {name}',
  'incidents.notice.resolved': 'Vyřešeno: {name}',
  'incidents.notice.body': '{status} · týká se: {where}',
  'incidents.notice.resolvedBody': 'Incident, který se týkal {where}, je vyřešen.',
  'incidents.heading': 'Aktuální incidenty',
  'incidents.none': 'Právě teď nejsou žádné incidenty.',
  'incidents.failed': 'Incidenty se nepodařilo zkontrolovat: {error}',
  'incidents.checkedAt': 'zkontrolováno {time}',
  'incidents.affects': 'Týká se: {components}',
  'incidents.yours': 'Tam, kde pracujete',

  'extension.name': 'Snapdesk — nahlášení problému',
  'extension.description':
    'Nahlaste problém se stránkou, kterou vidíte: snímek celé stránky s adresou a časem odejde podpoře.',
  'extension.actionTitle': 'Nahlásit problém s touto stránkou',
  'extension.commandDescription': 'Nahlásit problém s touto stránkou',
  'extension.contextMenuTitle': 'Nahlásit problém s touto stránkou',
  'extension.tabTitle': '{page} — Snapdesk',

  // A request's progress at the help desk, as My reports will show it.
  'request.state.received': 'Přijato',
  'request.state.open': 'Otevřeno',
  'request.state.in_progress': 'V řešení',
  'request.state.waiting_for_customer': 'Čeká na vás',
  'request.state.resolved': 'Vyřešeno',
  'request.state.closed': 'Uzavřeno',
  'request.state.reopened': 'Znovu otevřeno',
} satisfies Catalogue['form'];
