import type { Catalogue } from '../catalogue.ts';

/**
 * Romanian messages of the extension: the report form (title hints, priority levels and advice,
 * request types and fields), My reports and the options page.
 */
export const formMessages = {
  'report.title.empty': 'Scrieți un titlu care spune ce nu este în regulă și unde.',
  'report.title.allCaps':
    'Scrieți titlul cu litere obișnuite: majusculele sunt citite ca strigăte și nu cresc prioritatea.',
  'report.title.shouting':
    'Mai multe cuvinte sunt scrise cu majuscule, ceea ce se citește ca un strigăt. Folosiți majusculele doar pentru nume și coduri.',
  'report.title.tooShort':
    'Un titlu atât de scurt rareori spune destul. Încercați să scrieți cel puțin {minWords, plural, one {# cuvânt} few {# cuvinte} other {# de cuvinte}} sau {minLength, plural, one {# caracter} few {# caractere} other {# de caractere}}: ce nu funcționează, unde, pentru ce comandă sau pagină.',
  'report.title.vague':
    '„Nu funcționează” sau „eroare”, fără alte detalii, nu ne ajută să acționăm. Spuneți ce nu funcționează, unde și pentru ce comandă, produs sau pagină.',
  'report.title.isDown':
    'Dacă întregul serviciu este indisponibil, cel mai probabil echipa de suport știe deja: verificați pagina de status. Dacă la dumneavoastră nu funcționează o anumită funcție, menționați-o în titlu.',
  'report.title.bareReference':
    'Doar numărul unui tichet nu descrie problema. Spuneți ce anume nu este încă în regulă; menționați tichetul anterior în descriere.',
  'report.title.urgency':
    'Cuvinte precum „urgent” în titlu nu grăbesc rezolvarea. Alegeți în schimb o prioritate și păstrați un titlu descriptiv.',
  'report.title.examplesHeading': 'Titluri care ajută echipa de suport:',
  'report.title.example.invoiced': 'Comanda 456 apare ca facturată, dar nu a fost expediată niciodată',
  'report.title.example.images': 'Imaginile produselor nu se afișează cum ar trebui pe pagina de categorie',
  'report.title.example.banner': 'Trebuie să schimbăm un banner pe site: ne puteți trimite pașii de urmat?',
  'report.title.example.picking':
    'Am încercat să facem picking pentru comanda 543, dar nu ne lasă să trecem la ambalare',

  'report.priority.low': 'Scăzută',
  'report.priority.low.definition':
    'O problemă minoră sau doar estetică; poate aștepta lucrările planificate.',
  'report.priority.normal': 'Normală',
  'report.priority.normal.definition':
    'Ceva nu funcționează corect, dar există o soluție alternativă sau sunt afectate puține persoane. Se planifică în funcție de impact.',
  'report.priority.high': 'Ridicată',
  'report.priority.high.definition':
    'O sarcină importantă a echipei dumneavoastră este blocată și nu există o soluție alternativă, dar clienții pot în continuare să comande și să plătească.',
  'report.priority.immediate': 'Imediată',
  'report.priority.immediate.definition':
    'Doar pentru urgențe: clienții nu pot finaliza o comandă sau nu pot plăti (plata, finalizarea comenzii, adăugarea în coș). Are întâietate față de lucrările planificate.',
  'report.priority.advice.immediate':
    'Prioritatea Imediată este rezervată urgențelor în care clienții nu pot finaliza o comandă sau nu pot plăti. Dacă nu este cazul, alegeți Ridicată sau Normală, ca urgențele reale să iasă în evidență în continuare.',
  'report.priority.advice.high':
    'Prioritatea Ridicată este pentru o sarcină importantă care este blocată și nu are o soluție alternativă. Dacă există o soluție alternativă, prioritatea Normală o planifică la fel de bine.',
  'report.priority.advice.ordering':
    'Ați indicat că clienții nu pot finaliza o comandă sau nu pot plăti: pentru asta este prioritatea Imediată.',

  'report.priority.useSuggested': 'Alegeți „{level}”',

  'report.blocking.ordering': 'Clienții nu pot finaliza o comandă sau nu pot plăti',
  'report.blocking.work': 'O sarcină importantă este blocată și nu există o soluție alternativă',
  'report.blocking.none': 'Funcționează greșit sau lent, dar există o soluție alternativă',

  // What a field's constraints in the form configuration say when broken.
  'report.error.required': 'Completați acest câmp.',
  'report.error.wholeNumber': 'Introduceți un număr întreg, de exemplu 12.',
  'report.error.min': 'Introduceți o valoare de cel puțin {min}.',
  'report.error.max': 'Introduceți o valoare de cel mult {max}.',
  'report.error.maxLength':
    'Folosiți cel mult {max, plural, one {# caracter} few {# caractere} other {# de caractere}}.',
  'report.error.email': 'Introduceți o adresă de e-mail, de exemplu nume@example.com.',
  'report.error.url': 'Introduceți o adresă web care începe cu http:// sau https://.',
  'report.error.invalid': 'Valoarea nu poate fi trimisă în această formă; verificați-o.',

  'report.type.question': 'Întrebare',
  'report.type.question.help':
    'Aveți nevoie de ajutor sau aveți o întrebare la care documentația nu răspunde.',
  'report.type.broken': 'Ceva nu funcționează',
  'report.type.broken.help':
    'O funcție nu se comportă conform documentației sau nu mai funcționează ca înainte.',
  'report.type.feature': 'Idee de funcționalitate nouă',
  'report.type.feature.help': 'Ați dori ca produsul să facă ceva nou.',

  'report.field.title': 'Titlu',
  'report.field.title.help': 'Ce nu este în regulă și unde, pe un singur rând, ca subiectul unui e-mail.',
  'report.field.description': 'Descriere',
  'report.field.description.help':
    'Ce s-a întâmplat, când și cum. Adăugați identificatorii de care are nevoie echipa de suport: comandă, produs, campanie, client.',
  'report.field.goal': 'Ce doriți să obțineți?',
  'report.field.goal.help': 'Scopul din spatele ideii ne ajută să găsim cea mai bună cale de a-l atinge.',
  'report.field.stepsToReproduce': 'Pași pentru reproducere',
  'report.field.stepsToReproduce.help': 'Pas cu pas, de la început, ce trebuie făcut ca să apară problema.',
  'report.field.expected': 'Ce vă așteptați să se întâmple?',
  'report.field.actual': 'Ce s-a întâmplat de fapt?',
  'report.field.howBefore': 'Cum era înainte?',
  'report.field.howBefore.help': 'Dacă înainte funcționa, de când nu mai funcționează?',
  'report.field.blocking': 'Ce anume blochează?',
  'report.field.impactPeople': 'Persoane afectate',
  'report.field.impactOrders': 'Comenzi afectate',
  'report.field.impactBranches': 'Filiale sau magazine afectate',
  'report.field.impact.help':
    'Un număr, chiar și aproximativ, ne ajută să cântărim problema față de celelalte lucrări.',
  'report.field.workingExamples': 'Exemple care funcționează',
  'report.field.failingExamples': 'Exemple care nu funcționează',
  'report.field.examples.help':
    'Dacă se poate, cel puțin trei din fiecare: numere de comandă, linkuri, produse.',
  'report.field.alreadyTried': 'Ce ați încercat deja?',
  'report.field.priority': 'Prioritate',
  'report.field.priority.help': 'La fiecare nivel este descris când se folosește.',
  'report.field.account': 'Cont',
  'report.field.account.help': 'Contul în care apare problema.',
  'report.field.shareWith': 'Partajați cu',
  'report.field.shareWith.help': 'Organizația pentru care raportați, dacă faceți parte din mai multe.',
  'report.field.country': 'Țară',
  'report.field.country.help': 'Țara în care apare problema.',
  'report.field.contactEmail': 'E-mail de contact',
  'report.field.contactEmail.help':
    'Adresa la care vă poate contacta echipa de suport în legătură cu acest raport.',

  // The extension's pages: the report form, "My reports" and settings.
  'report.page.heading': 'Raportați o problemă',
  'report.page.subtitle': 'Pe {host}',
  'report.page.subtitleNoPage': 'Descrieți problema și atașați ce o arată.',
  'report.page.nav': 'Paginile Snapdesk',
  'report.page.myReports': 'Rapoartele mele',
  'report.page.settings': 'Setări',
  'report.page.loading': 'Se încarcă…',
  'report.page.required': 'obligatoriu',
  'report.page.choose': 'Alegeți…',
  'report.page.remove': 'Eliminați',
  'report.page.problemHeading': 'Problema',
  'report.page.reporterHeading': 'Cum vă contactează echipa de suport',
  'report.page.typeLegend': 'Ce tip de solicitare este aceasta?',
  'report.page.pageUrl': 'Adresa paginii',
  'report.page.pageUrlHelp':
    'Pagina nu a putut fi capturată, așa că lipiți aici adresa ei (din bara de adrese).',
  'report.page.captureError':
    'Această pagină nu a putut fi capturată ({error}). Puteți totuși să descrieți problema și să atașați capturi de ecran sau fișiere.',
  'report.page.offlineForm':
    'Formularul nu a putut fi încărcat de pe server, așa că este afișat ultimul formular cunoscut. Dacă serverul nu poate fi contactat, un raport trimis acum așteaptă în coada de trimitere până când serverul redevine disponibil.',
  'report.page.draftMissing':
    'Această ciornă nu mai există. Este posibil să fi fost trimisă dintr-o altă filă.',
  'report.page.noDraft':
    'Pentru a raporta o problemă, deschideți pagina pe care apare și apăsați butonul Snapdesk din bara de instrumente (sau Alt+Shift+R).',
  'report.page.alreadySent':
    'Acest raport a fost deja trimis; fie așteaptă în coada de trimitere, fie a ajuns la destinație.',
  'report.page.saved': 'Ciornă salvată la {time}',
  'report.page.saveFailed': 'Ciorna nu a putut fi salvată: {error}',

  'report.incident.heading': 'Echipa de suport știe deja de o problemă pe acest site',
  'report.incident.explain':
    'Dacă aceasta este problema pe care o vedeți, nu este nevoie să o raportați: abonați-vă ca să aflați când este rezolvată. Dacă problema dumneavoastră este alta, raportați-o mai jos.',
  'report.incident.subscribe': 'Abonați-vă la actualizări',
  'report.incident.reportAnyway': 'Raportați totuși (asociat cu acest incident)',
  'report.incident.linked': 'Raportul dumneavoastră va fi asociat cu acest incident.',
  'report.incident.unlink': 'Fără asociere',

  'report.duplicate.heading': 'Ați raportat deja o problemă pe această pagină',
  'report.duplicate.sentAt': 'trimis la {time}',
  'report.duplicate.explain':
    'Dacă este aceeași problemă, echipa de suport se ocupă deja de ea: un al doilea raport nu grăbește lucrurile. Dacă este o altă problemă, continuați.',
  'report.duplicate.continue': 'Este o altă problemă — continuați',

  'report.series.heading': 'Capturi de ecran și fișiere',
  'report.series.help':
    'Echipa de suport le citește în această ordine, pas cu pas. Deschideți o captură pentru a marca ceva pe ea sau pentru a acoperi cu negru ce nu trebuie să se vadă.',
  'report.series.empty': 'Nicio captură de ecran deocamdată.',
  'report.series.open': 'Captura de ecran {n}: {what}. Deschideți-o pentru adnotare',
  'report.series.method.viewport': 'Zona vizibilă',
  'report.series.method.stitched': 'Toată pagina',
  'report.series.method.html2canvas': 'Toată pagina (redată)',
  'report.series.method.upload': 'Imagine încărcată',
  'report.series.part': '{what} {index}/{count}',
  'report.series.marks': '{count, plural, one {# marcaj} few {# marcaje} other {# de marcaje}}',
  'report.series.truncated': 'tăiată la limita de dimensiune',
  'report.series.moveUp': 'Mutați mai sus captura de ecran {n}',
  'report.series.moveDown': 'Mutați mai jos captura de ecran {n}',
  'report.series.removeCapture': 'Eliminați captura de ecran {n}',
  'report.series.addStep': 'Adăugați un pas',
  'report.series.addingStep': 'Se capturează…',
  'report.series.addStepHelp': 'Treceți la pasul următor pe pagină, apoi reveniți aici și adăugați-l.',
  'report.series.noTab':
    'Fila paginii nu este cunoscută, așa că nu se poate adăuga niciun pas; atașați în schimb fișiere.',
  'report.series.noAnswer': 'extensia nu a răspuns',
  'report.series.stepFailed': 'Pasul nu a putut fi capturat: {error}',
  'report.series.attach': 'Atașați fișiere…',
  'report.series.filesHeading': 'Fișiere atașate',
  'report.series.removeFile': 'Eliminați {name}',
  'report.series.wrongType': '{name} nu este o imagine sau un PDF.',
  'report.series.fileTooBig': '{name} este mai mare de {max} MB.',
  'report.series.sizeKb': '{size} KB',
  'report.series.sizeMb': '{size} MB',

  'report.annotate.heading': 'Adnotați captura de ecran {n}',
  'report.annotate.help':
    'Trageți pe imagine pentru a desena. Pentru text, scrieți cuvintele, apoi faceți clic acolo unde trebuie plasate. Dreptunghiurile negre distrug ce se află sub ele în imaginea trimisă.',
  'report.annotate.tool': 'Instrument',
  'report.annotate.tool.rect': 'Dreptunghi',
  'report.annotate.tool.arrow': 'Săgeată',
  'report.annotate.tool.text': 'Text',
  'report.annotate.tool.redact': 'Acoperire cu negru',
  'report.annotate.color': 'Culoare',
  'report.annotate.color.red': 'Roșu',
  'report.annotate.color.orange': 'Portocaliu',
  'report.annotate.color.blue': 'Albastru',
  'report.annotate.color.green': 'Verde',
  'report.annotate.undo': 'Anulați',
  'report.annotate.redo': 'Refaceți',
  'report.annotate.textLabel': 'Textul de plasat',
  'report.annotate.textFirst': 'Scrieți mai întâi textul, apoi faceți clic acolo unde trebuie plasat.',
  'report.annotate.canvasLabel':
    'Captura de ecran {n} cu {count, plural, one {# marcaj} few {# marcaje} other {# de marcaje}}',
  'report.annotate.cannotOpen': 'Această imagine nu a putut fi deschisă pentru adnotare.',
  'report.annotate.marksHeading': 'Marcajele de pe această captură de ecran',
  'report.annotate.mark.rect': 'Dreptunghi la {x}, {y} ({w} × {h})',
  'report.annotate.mark.redact': 'Zonă acoperită cu negru la {x}, {y} ({w} × {h})',
  'report.annotate.mark.arrow': 'Săgeată de la {x}, {y} la {x2}, {y2}',
  'report.annotate.mark.text': 'Textul „{text}” la {x}, {y}',
  'report.annotate.removeMark': 'Eliminați: {mark}',

  'report.facts.heading': 'Se trimit împreună cu raportul',
  'report.facts.help':
    'Echipa de suport cere întotdeauna aceste informații. Eliminați ce preferați să nu trimiteți.',
  'report.facts.url': 'Pagină',
  'report.facts.capturedAt': 'Capturat la',
  'report.facts.viewport': 'Fereastră',
  'report.facts.screen': 'Ecran',
  'report.facts.title': 'Titlul paginii',
  'report.facts.browser': 'Browser',
  'report.facts.browser_version': 'Versiunea browserului',
  'report.facts.os': 'Sistem de operare',
  'report.facts.language': 'Limbă',
  'report.facts.time_zone': 'Fus orar',
  'report.facts.extension_version': 'Versiunea extensiei',
  'report.facts.remove': 'Eliminați {fact} din raport',
  'report.console.heading': 'Erori pe pagină ({count})',
  'report.console.empty': 'Nu a fost înregistrată nicio eroare sau cerere eșuată pe pagină.',
  'report.console.kind.error': 'Eroare',
  'report.console.kind.exception': 'Excepție',
  'report.console.kind.network': 'Cerere eșuată',
  'report.console.remove': 'Eliminați eroarea {n} din raport',

  'report.error.tooManyFiles':
    'Un raport poate conține cel mult {max, plural, one {# captură de ecran sau fișier} few {# capturi de ecran și fișiere} other {# de capturi de ecran și fișiere}}.',
  'report.error.fileTooBig': 'Fișiere prea mari pentru a fi trimise (peste {max} MB): {names}.',
  'report.error.reportTooBig': 'Toate capturile de ecran și fișierele depășesc împreună {max} MB.',
  'report.error.report': 'Raport',

  'report.send.button': 'Trimiteți raportul',
  'report.send.sending': 'Se trimite…',
  'report.send.help':
    'Nimic nu pleacă din browserul dumneavoastră înainte să apăsați Trimiteți. Dacă serverul nu poate fi contactat, raportul așteaptă și este trimis când serverul redevine disponibil.',
  'report.send.errorsHeading':
    'Înainte de trimitere, verificați {count, plural, one {un aspect} few {# aspecte} other {# de aspecte}}',
  'report.send.failed': 'Raportul nu a putut fi trimis: {error}',
  'report.sent.waiting': 'Trimis — se așteaptă serverul',
  'report.sent.waitingHelp':
    'Raportul se află în coada de trimitere. Puteți închide această filă; raportul va fi livrat.',
  'report.sent.retrying':
    'Încă nu a fost livrat: {error}. Următoarea încercare va fi la {time}. Puteți închide această filă; raportul așteaptă în coada de trimitere.',
  'report.sent.refused': 'Serverul nu a acceptat raportul: {message}',
  'report.sent.done': 'Raport primit',
  'report.sent.reference': 'Numărul de referință:',
  'report.sent.doneHelp':
    'Echipa de suport vă va contacta în legătură cu el. În „Rapoartele mele” puteți urmări cum avansează.',
  'report.sent.incident': 'Asociat cu incidentul cunoscut „{name}”.',

  'report.state.received': 'Primit',
  'report.state.forwarded': 'Transmis la helpdesk',
  'report.state.retrying': 'Se transmite',
  'report.state.failed': 'Încă netransmis',

  'reports.heading': 'Rapoartele mele',
  'reports.intro': 'Ce a trimis acest browser către echipa de suport, cele mai noi primele.',
  'reports.outboxHeading': 'În așteptarea trimiterii ({count})',
  'reports.outboxHelp':
    'Aceste rapoarte sunt păstrate până când serverul le preia; nu sunt trimise niciodată de două ori.',
  'reports.waiting': 'În așteptare',
  'reports.refused': 'Refuzat',
  'reports.createdAt': 'Scris la {time}',
  'reports.notTried': 'Nicio încercare încă.',
  'reports.lastError':
    'Ultima încercare a eșuat: {error} ({attempts, plural, one {# încercare} few {# încercări} other {# de încercări}}). Următoarea încercare la {time}.',
  'reports.refusedMessage': 'Serverul l-a refuzat: {message}',
  'reports.retry': 'Încercați din nou acum',
  'reports.sentHeading': 'Trimise',
  'reports.refresh': 'Actualizați stările',
  'reports.refreshing': 'Se actualizează…',
  'reports.refreshFailed':
    'Starea {count, plural, one {unui raport} few {a # rapoarte} other {a # de rapoarte}} nu a putut fi actualizată: {error}',
  'reports.empty': 'Încă nu a fost trimis niciun raport din acest browser.',
  'reports.col.reference': 'Referință',
  'reports.col.title': 'Titlu și pagină',
  'reports.col.sent': 'Trimis',
  'reports.col.state': 'Stare',
  'reports.external': 'Helpdesk: {ref}',
  'reports.incident': 'Incident:',
  'reports.checkedAt': 'verificat la {time}',

  'options.heading': 'Setări Snapdesk',
  'options.intro': 'Unde ajung rapoartele și ce se completează automat în fiecare raport.',
  'options.serverHeading': 'Server',
  'options.defaultsHeading': 'Completate în fiecare raport',
  'options.defaultsHelp': 'Le puteți modifica în continuare la fiecare raport.',
  'options.field.serverUrl': 'Adresa serverului',
  'options.field.account': 'Cont',
  'options.field.country': 'Țară',
  'options.field.contactEmail': 'E-mail de contact',
  'options.help.serverUrl':
    'Adresa serverului Snapdesk al organizației dumneavoastră, de exemplu https://status.example.com.',
  'options.help.account': 'Contul sau organizația pentru care raportați.',
  'options.help.country': 'Țara în care lucrați.',
  'options.help.contactEmail': 'Adresa la care vă poate contacta echipa de suport.',
  'options.invalid.serverUrl': 'Introduceți o adresă web care începe cu http:// sau https://.',
  'options.invalid.account': 'Cel mult 200 de caractere.',
  'options.invalid.country': 'Alegeți o țară.',
  'options.invalid.contactEmail': 'Introduceți o adresă de e-mail, de exemplu nume@example.com.',
  'options.managed': 'Setat prin politica organizației dumneavoastră; nu poate fi modificat aici.',
  'options.managedNote':
    'Unele setări sunt stabilite de organizația dumneavoastră și sunt afișate doar în citire.',
  'options.save': 'Salvați',
  'options.saved': 'Salvat.',
  'options.test.button': 'Testați conexiunea',
  'options.test.testing': 'Se testează…',
  'options.test.ok': 'Conectat la {name}: {status}',
  'options.test.failed': 'Nicio conexiune: {error}',
  'options.test.status': 'serverul a răspuns cu {status}',
  'options.test.notSnapdesk': 'adresa răspunde, dar nu este un server Snapdesk',

  'options.languageHeading': 'Limbă',
  'options.field.language': 'Limba extensiei',
  'options.help.language':
    'Pentru formularul de raportare, Rapoartele mele, aceste setări și meniul contextual. Numele extensiei din lista de extensii a browserului urmează limba browserului.',
  'options.language.browser': 'Limba browserului ({language})',

  'options.incidentsHeading': 'Alerte de incident',
  'options.incidentsHelp':
    'Când un incident începe, se schimbă sau este rezolvat, o notificare și butonul din bara de instrumente vă anunță, cu un link către incident. Extensia cere serverului lista publică de incidente; pagina pe care o priviți este comparată aici, în browserul dumneavoastră, și nu este trimisă niciodată.',
  'options.field.incidentAlerts': 'Anunțați-mă despre incidente',
  'options.incidentAlerts.off': 'Dezactivat',
  'options.incidentAlerts.sites':
    'Pe site-urile pe care lucrez: pagina din fața mea și site-urile de pe care am trimis un raport în ultimele 90 de zile',
  'options.incidentAlerts.components': 'Pe componentele pe care le aleg',
  'options.field.incidentComponents': 'Componente',
  'options.incidentComponents.loading': 'Se încarcă componentele serverului…',
  'options.incidentComponents.failed': 'Componentele nu au putut fi încărcate: {error}',
  'options.incidentComponents.none': 'Serverul nu are nicio componentă.',
  'options.invalid.incidentComponents': 'Alegeți cel puțin o componentă.',
  'options.field.incidentIntervalMinutes': 'Verificare la fiecare (minute)',
  'options.help.incidentIntervalMinutes':
    'Cel puțin 1. O verificare care nu găsește nimic nou nu costă aproape nimic serverul.',
  'options.invalid.incidentIntervalMinutes': 'Introduceți un număr întreg de minute, de la 1 la 1440.',
  'incidents.notice.started': 'Incident: {name}',
  'incidents.notice.updated': 'Actualizare a incidentului: {name}',
  'incidents.notice.resolved': 'Rezolvat: {name}',
  'incidents.notice.body': '{status} · afectează {where}',
  'incidents.notice.resolvedBody': 'Incidentul care afecta {where} a fost rezolvat.',
  'incidents.heading': 'Incidente în curs',
  'incidents.none': 'Niciun incident în acest moment.',
  'incidents.failed': 'Incidentele nu au putut fi verificate: {error}',
  'incidents.checkedAt': 'verificat la {time}',
  'incidents.affects': 'Afectează: {components}',
  'incidents.yours': 'Unde lucrați',

  'extension.name': 'Snapdesk — raportați o problemă',
  'extension.description':
    'Raportați o problemă cu pagina pe care o vedeți: o captură a întregii pagini, cu adresa și ora, trimisă echipei de suport.',
  'extension.actionTitle': 'Raportați o problemă cu această pagină',
  'extension.commandDescription': 'Raportați o problemă cu această pagină',
  'extension.contextMenuTitle': 'Raportați o problemă cu această pagină',
  'extension.tabTitle': '{page} — Snapdesk',

  // A request's progress at the help desk, as My reports will show it.
  'request.state.received': 'Primit',
  'request.state.open': 'Deschis',
  'request.state.in_progress': 'În lucru',
  'request.state.waiting_for_customer': 'Așteaptă răspunsul dumneavoastră',
  'request.state.resolved': 'Rezolvat',
  'request.state.closed': 'Închis',
  'request.state.reopened': 'Redeschis',

  // A request's progress in My reports and its notifications, and the form's e-mail opt-in.
  'requests.notify.title': '{reference}: {state}',
  'requests.notify.comment': 'Echipa de suport a scris: {comment}',
  'requests.latestComment': 'Echipa de suport a scris pe {time}:',
  'requests.history.show': 'Istoric ({count})',
  'requests.history.heading': 'Istoricul {reference}',
  'requests.history.loading': 'Se încarcă istoricul…',
  'requests.history.failed': 'Istoricul nu a putut fi încărcat: {error}',
  'requests.history.change': '{from} → {to}',
  'requests.history.reason': 'Motiv: {reason}',
  'requests.history.by.console': 'de echipa de suport',
  'requests.history.by.redmine': 'în helpdesk',
  'requests.history.by.webhook': 'în helpdesk',
  'requests.history.by.reporter': 'de dumneavoastră',
  'requests.history.by.system': 'automat',
  'requests.comment.support': 'Echipa de suport',
  'requests.comment.reporter': 'Dumneavoastră',
  'requests.bell': 'Opriți notificările pentru {reference}',
  'requests.bellMuted': 'Notificări oprite',
  'requests.answer.heading': 'Echipa de suport așteaptă răspunsul dumneavoastră',
  'requests.answer.label': 'Răspunsul dumneavoastră',
  'requests.answer.images': 'Adăugați imagini',
  'requests.answer.imagesHelp': 'PNG, JPEG sau WebP, cel mult {max}. Puteți și lipi o imagine în răspuns.',
  'requests.answer.remove': 'Eliminați {name}',
  'requests.answer.tooMany': 'Cel mult {max} imagini.',
  'requests.answer.wrongType': '{name} nu este o imagine PNG, JPEG sau WebP.',
  'requests.answer.empty': 'Scrieți mai întâi răspunsul.',
  'requests.answer.send': 'Trimiteți răspunsul',
  'requests.answer.sent': 'Răspunsul dumneavoastră a fost trimis.',
  'requests.resolved.heading': 'Echipa de suport consideră că este rezolvat',
  'requests.resolved.help':
    'Confirmați sau redeschideți cererea dacă problema persistă. Dacă nu faceți nici una, nici alta, se închide singură după câteva zile.',
  'requests.confirm': 'Confirmați că este rezolvat',
  'requests.confirmed': 'Vă mulțumim: cererea este închisă.',
  'requests.reopen': 'Redeschideți',
  'requests.reopen.reason': 'De ce nu este rezolvat?',
  'requests.reopen.send': 'Redeschideți cererea',
  'requests.reopen.cancel': 'Anulați',
  'requests.reopened': 'Cererea este din nou deschisă; echipa de suport o va analiza încă o dată.',
  'requests.reopen.empty': 'Spuneți de ce nu este rezolvat.',
  'requests.working': 'Se trimite…',
  'requests.refused': 'Serverul a refuzat: {message}',
  'requests.unreachable': 'Serverul nu a putut fi contactat: {error}',
  'requests.notifyByEmail': 'Anunțați-mă prin e-mail când se schimbă această cerere',
  'requests.notifyByEmail.help':
    'Răspunsurile echipei de suport și schimbările de stare ajung la {email}; fiecare e-mail are un link pentru a le opri.',
} satisfies Catalogue['form'];
