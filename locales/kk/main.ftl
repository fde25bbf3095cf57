# Интерфейс мәтіндері, қазақ тілі. Мұндағы әрбір кілт ru және en файлдарында да болуы керек
# (мұны модульдік тест тексереді). Мазмұн (қысқаша сипаттамалар, ескертпелер) мұнда аударылмайды.

## Сайт
site-name = Референдум трекері
site-case = Қазақстан, 2022
skip-to-content = Негізгі мазмұнға өту
nav-label = Негізгі мәзір
nav-overview = Шолу
nav-amendments = Түзетулер
nav-timeline = Хронология
nav-constitution = Конституция
nav-council = Кеңестің қарауы
nav-announcements = Мәлімдемелер
language-switcher = Тіл
breadcrumb = Навигация жолы
data-as-of = Деректердің жаңартылған уақыты:
footer-sources = Бұл сайттағы әрбір мәліметтің дереккөзі көрсетілген. Қысқаша сипаттамалар — осы трекер үшін қарапайым тілмен жазылған түсіндірмелер, ресми мәтін емес.
content-untranslated = Трекердің мазмұны (қысқаша сипаттамалар, ескертпелер және мәлімдеме мәтіні) әлі бұл тілге аударылмаған, сондықтан түпнұсқа тілінде — ағылшын тілінде көрсетіледі. Интерфейс аударылған.

## Жалпы сөздер
article = Бап
new = жаңа
new-article = Жаңа бап
since = мына күннен бастап:
source = Дереккөз
sources = Дереккөздер
source-no-url = жария мекенжайы тіркелмеген
source-not-recorded = дереккөз көрсетілмеген
date = Күні
event = Оқиға
speaker = Сөйлеуші
venue = Орны
themes = Тақырыптар
uncertain = Нақты емес
recorded = тіркелді:
today = Бүгін
section-number = { $section } бөлім
law-point = Конституцияға өзгерістер мен толықтырулар енгізу туралы заңның 1-бабының { $point }-тармағы

## Мәртебелер
status-drafted = Әзірленді
status-submitted = Кеңеске жіберілді
status-council-compliant = Кеңес: сәйкес
status-council-noncompliant = Кеңес: сәйкес емес
status-withdrawn = Кері қайтарылды
status-on-ballot = Референдумға шығарылды
status-adopted = Қабылданды
status-rejected = Қабылданбады
status-in-force = Күшіне енді
status-amended-later = Кейін өзгертілді
status-superseded = Күшін жойды
no-status = Мәртебе тіркелмеген

## Кезеңдер шкаласы
step-drafted = Әзірленді
step-submitted = Конституциялық Кеңеске жіберілді
step-council = Кеңес қорытындысы
step-council-compliant = Кеңес қорытындысы: сәйкес
step-council-noncompliant = Кеңес қорытындысы: сәйкес емес
step-ballot = Референдумға шығарылды
step-vote = Қабылданды немесе қабылданбады
step-adopted = Қабылданды
step-rejected = Қабылданбады
step-in-force = Күшіне енді
step-state-done = өтті
step-state-current = қазіргі кезең
step-state-todo = әлі жетпеген

## Хронологиядағы оқиға түрлері
kind-context = Жалпы жағдай
kind-announcement = Мәлімдеме
kind-council = Конституциялық бақылау
kind-decree = Жарлық
kind-referendum = Референдум
kind-results = Нәтижелер
kind-law = Заң
kind-entry-into-force = Күшіне енуі
kind-implementation = Іске асыру
kind-election = Сайлау

## Шолу
overview-title = Шолу
proposed-on = Ұсынылған күні
voted-on = дауыс беру күні
where-they-stand = { $count ->
    [one] { $count } түзетудің қазіргі жағдайы
   *[other] { $count } түзетудің қазіргі жағдайы
}
status-bar-title = Қазіргі мәртебесі бойынша түзетулер
of-amendments = { $total ->
    [one] түзету, барлығы { $total }
   *[other] түзету, барлығы { $total }
}
see-all-amendments = { $count ->
    [one] Барлық { $count } түзетуді көру
   *[other] Барлық { $count } түзетуді көру
}
last-and-next = Соңғы және келесі қадамдар
latest = Соңғысы
next = Келесісі
no-past-event = Әзірге бірде-бір оқиға болған жоқ.
no-upcoming-event = Трекерде алдағы жоспарланған оқиға жоқ.
full-timeline = Толық хронология
latest-changes = Мәртебенің соңғы өзгерістері
no-changes = Мәртебенің өзгеруі әзірге тіркелмеген.
why-officials = Неліктен: лауазымды тұлғалар не айтты

## Түзетулер тізімі
amendments-title = Барлық түзетулер
amendments-title-filtered = Түзетулер: { $filter }
amendments-description = Реформа өзгертетін әрбір бап — Конституциядағы ретімен, қазіргі мәртебесімен.
all-amendments = { $count ->
    [one] Барлық { $count } түзету
   *[other] Барлық { $count } түзету
}
filter-status-label = Мәртебе
filter-theme-label = Тақырып
any-status = Кез келген мәртебе
any-theme = Кез келген тақырып
filter-button = Сүзу
show-all = Барлығын көрсету
shown-count = { $total ->
    [one] { $total } түзетудің ішінен { $shown } түзету көрсетілді, Конституциядағы ретімен.
   *[other] { $total } түзетудің ішінен { $shown } түзету көрсетілді, Конституциядағы ретімен.
}
no-match = Бұл сүзгіге сәйкес келетін түзету жоқ.
filter-status = «{ $status }» мәртебесі
filter-theme = «{ $theme }» тақырыбы
filter-status-and-theme = «{ $status }» мәртебесі және «{ $theme }» тақырыбы
headings-title = Атауы өзгертілген бөлімдер
headings-intro = Заң сондай-ақ Конституцияның екі бөлімінің атауын өзгертті. Олар бап емес, сондықтан { $count } түзетудің қатарына кірмейді және өз мәртебесі жоқ.
heading-before-unknown = бұрынғы атауы біздің дереккөздерде көрсетілмеген

## Түзету беті
current-status = Қазіргі мәртебесі
progress = Кезеңдері
what-changes = Не өзгереді
wording-title = Қарапайым тілмен: өзгеріске дейін және кейін
wording-unknown = Трекерде бұл баптың реформаға дейінгі және кейінгі тексерілген мәтіні жоқ. Өзгерістің мәні жоғарыдағы қысқаша сипаттамада баяндалған.
before = Бұрын
after = Кейін
wording-before-unknown = Белгісіз: бірде-бір тексерілген дереккөзде бұрынғы мәтін келтірілмеген.
wording-after-unknown = Белгісіз: бірде-бір тексерілген дереккөзде жаңа мәтін келтірілмеген.
word-by-word = Сөзбе-сөз салыстыру
diff-legend = Алынып тасталған сөздердің үсті сызылған және «алынып тасталды» деп белгіленген; қосылған сөздердің асты сызылған және «қосылды» деп белгіленген.
removed = алынып тасталды
added = қосылды
entry-into-force = Күшіне енуі
no-entry-into-force = Күшіне ену күні көрсетілмеген.
why-proposed = Неліктен ұсынылды
no-motivation = Бұл түзетуге бірде-бір мәлімдеме тұжырымы байланыстырылмаған.
why-linked = Байланыстыру себебі
status-history = Мәртебе тарихы
corrected = Түзетілген
see-correction = түзету жазбасын қараңыз
correction = Түзету жазбасы
see-corrected = бастапқы жазбаны қараңыз
related-events = Қатысты оқиғалар
amendment-sources = Осы түзетудің дереккөздері
no-sources = Дереккөз көрсетілмеген.
entry-changed = Жазба соңғы рет өзгертілген уақыт:
other-amendments = Басқа түзетулер

## Мәлімдемелер
announcements-title = Мәлімдемелер
announcements-description = Лауазымды тұлғалар не айтты — тұжырым бойынша. Әр тұжырым өзі негіздеген түзетулерге сілтейді.
about-this-text = Осы мәтін туралы
corroborating-sources = Күнін, оқиғаны және оның тармақтарын растайтын дереккөздер ({ $count })
announcement-intro = Төмендегі мәтін — құжаттың тұжырымдарға бөлінген сөзбе-сөз нұсқасы. Оның { $total } тұжырымының { $motivating } тұжырымы өзі негіздеген түзетулермен байланыстырылған; қалғандары ешбір түзетуді негіздемеген және солай белгіленген.
link-to-statement = Осы тұжырымға сілтеме
motivated-none = Ешбір түзетуді негіздемеді.
motivated-count = { $count ->
    [one] { $count } түзетуді негіздеді:
   *[other] { $count } түзетуді негіздеді:
}

## Хронология
timeline-title = Хронология
timeline-description = Реформаның күні белгілі әрбір қадамы — алғашқы мәлімдемеден күшіне енгенге дейін, әрқайсысы дереккөзімен.
timeline-intro = Реформаның күні белгілі әрбір қадамы. Күні дереккөздерде әртүрлі көрсетілген оқиғалар «нақты емес» деп белгіленген.
past-events = Өткен оқиғалар ({ $count })
upcoming-events = Алдағы оқиғалар ({ $count })
today-explainer = Осы сызықтан жоғарыдағы оқиғалар болып өтті; төмендегілері алда.

## Кеңес
council-title = Конституциялық Кеңестің қарауы
council-description = Конституциялық Кеңеске не және қашан жіберілді, оның қорытындысы нені анықтады және әр түзету бойынша нәтиже қандай болды.
council-submitted-title = Не және қашан жіберілді
council-submitted-on = Түзетулер жобалары Кеңеске жіберілген күн:
council-accepted-on = Кеңес өтінішті іс жүргізуге қабылдағанын жариялаған күн:
council-conclusion-title = Қорытынды
conclusion = Қорытынды
chair = Төраға
rapporteur = Баяндамашы
finding = Не анықталды
no-conclusion = Қорытынды әзірге тіркелмеген.
open-questions = Дереккөздерде ашық қалған мәселелер
no-council-review = Бұл референдум бойынша Конституциялық Кеңестің қарауы тіркелмеген.
outcomes-title = Әр түзету бойынша нәтиже
no-outcomes = Әзірге ешбір түзету бойынша Кеңес шешімі тіркелмеген.
outcomes-caption = { $count ->
    [one] Кеңес қараған { $count } түзетудің әрқайсысы бойынша Кеңестің қорытындысы
   *[other] Кеңес қараған { $count } түзетудің әрқайсысы бойынша Кеңестің қорытындысы
}
outcome = Нәтиже
no-outcome-for = Кеңес шешімі тіркелмеген баптар

## Қателер
error-code = Қате
error-ways-back = Қайту жолдары
error-heading-400 = Бұл сұрауға жауап беру мүмкін емес
error-heading-403 = Рұқсат жоқ
error-heading-404 = Бет табылмады
error-heading-405 = Әдіске рұқсат жоқ
error-heading-409 = Оны басқа біреу өзгертті
error-heading-413 = Тым үлкен
error-heading-500 = Бірдеңе дұрыс болмады
error-heading-503 = Уақытша қолжетімсіз
error-message-400 = Сұрау дұрыс құрылмаған.
error-message-403 = Бұл әрекетке рұқсат жоқ.
error-message-404 = Бұл мекенжайда бет жоқ. Төмендегі сілтемелер трекерге қайта апарады.
error-message-405 = Бұл мекенжай мұндай сұрауды қабылдамайды.
error-message-409 = Сіз ашқаннан бері жазба өзгерді.
error-message-413 = Сұрау трекер қабылдай алатын көлемнен үлкен.
error-message-500 = Трекер бұл бетті көрсете алмады. Мәселе журналға жазылды.
error-message-503 = Трекер дәл қазір дерекқорына қосыла алмай тұр. Бір минуттан кейін қайталап көріңіз.
error-bad-query = Сұрау жолын оқу мүмкін болмады: { $detail }
error-unknown-status = Белгісіз мәртебе сүзгісі: «{ $value }».
error-unknown-theme = Белгісіз тақырып сүзгісі: «{ $value }».
error-allowed = Рұқсат етілген мәндер: { $allowed }.
no-referendum = Референдум әзірге тіркелмеген.
amendment-not-found = «{ $article }» бабына түзету тіркелмеген.
announcement-not-found = Бұл мекенжай бойынша мәлімдеме тіркелмеген.
## Жария өзгерістер журналы
nav-changes = Өзгерістер журналы
changes-title = Өзгерістер журналы
changes-pages = Өзгерістер журналының беттері
changes-newest = Соңғы өзгерістер
changes-older = Ертеректегі өзгерістер
changes-description = Трекердің жария мазмұнындағы барлық өзгерістер ретімен — жазбаларды бір тізбекке байланыстыратын хэштерімен бірге.
changes-intro = Мәртебенің әрбір өзгерісі және жария мазмұндағы әрбір түзету осында тіркеледі, ең жаңасы басында. Әр жазбада өз мазмұнының және алдыңғы жазбаның хэші бар: кез келген жазбаны өзгерту немесе жою одан кейінгі барлық хэшті бұзар еді. Редакторлардың аты мен мекенжайлары ішкі журналда сақталады.
changes-none = Деректер жүктелгеннен бері бірде-бір өзгеріс тіркелмеген.
changes-head-title = Журналдың соңы
changes-head = Аудит журналында, ішкі жазбаларды қоса алғанда, { $count } жазба бар. Ең соңғысының хеші:
changes-head-keep = Оның көшірмесін сақтаңыз: сонда оған дейінгі кез келген жазбаның, соның ішінде соңғыларының да, жойылғанын мына команда дәлелдейді
audit-hash = Хэш
action-status-record = Мәртебе тіркелді
action-synthetic-generate = Синтетикалық сынақ деректері жасалды
action-status-correct = Мәртебе түзетілді
action-amendment-edit = Түзету өзгертілді
action-timeline-create = Хронологияға оқиға қосылды
action-timeline-update = Хронология оқиғасы өзгертілді
action-timeline-delete = Хронология оқиғасы жойылды
action-link-save = Тұжырым байланыстырылды
action-link-delete = Тұжырымның байланысы алынды
action-announcement-import = Мәлімдеме импортталды

## Әкімшілік бөлім: негізгі құрылым және кіру
admin-name = Трекерді басқару
admin-dashboard = Басқару тақтасы
admin-timeline = Хронология оқиғалары
admin-import = Мәлімдемені импорттау
admin-audit = Аудит журналы
admin-users = Пайдаланушылар
admin-account = Менің есептік жазбам
admin-public-site = Жария сайт
admin-view-public = Жария бетті ашу
sign-in = Кіру
sign-out = Шығу
signed-in-as = Сіз { $name } ретінде кірдіңіз
username = Пайдаланушы аты
password = Құпиясөз
login-failed = Пайдаланушы аты немесе құпиясөз қате.
login-throttled = Сәтсіз әрекеттер тым көп. 15 минут күтіп, қайталап көріңіз.
flash-signed-out = Сіз жүйеден шықтыңыз.

## Әкімшілік бөлім: түзетулер
version-number = { $version }-нұсқа
admin-record-status = Мәртебенің өзгеруін тіркеу
admin-final-status = Бұл мәртебе — соңғы: бұдан әрі өзгерту мүмкін емес.
admin-correct-status = Соңғы жазбаны түзету
admin-correct-explainer = Түзету соңғы жазбаның орнына жаңа жазба қосады; екеуі де жария тарихта қалады. Соңғы жазба:
admin-edit-amendment = Мәтінді өңдеу
admin-links = Оны негіздеген тұжырымдар
admin-link = Тұжырымды байланыстыру
admin-unlink = Бұл байланысты алып тастау
conflict-explainer = Сіз бетті ашқаннан кейін бұл жазбаны басқа біреу өзгертті. Ештеңе сақталған жоқ. Сіз енгізген деректер төменде сақталды; қазіргі жағдайды тексеріп, әлі де өзекті болса, қайта жіберіңіз.
field-effective-date = Күшіне ену күні (YYYY-MM-DD)
field-note = Ескертпе
field-source-url = Дереккөз мекенжайы (http немесе https)
field-title = Атауы
field-summary = Бір жолдық қысқаша сипаттама
field-explanation = Түсіндірме
field-wording-before = Өзгеріске дейінгі мәтін (міндетті емес)
field-wording-after = Өзгерістен кейінгі мәтін (міндетті емес)
field-source-keys = Дереккөз кілттері, әр жолға біреуден
field-statement = Тұжырым
field-link-note = Байланыстыру себебі
save = Сақтау

## Әкімшілік бөлім: хронология, импорт, пайдаланушылар, аудит
admin-new-event = Хронологияға оқиға қосу
admin-edit-event = Хронология оқиғасын өңдеу
admin-delete-event = Бұл оқиғаны жою
admin-actions = Әрекеттер
edit = Өңдеу
field-starts-on = Күні (YYYY-MM-DD)
field-ends-on = Аяқталу күні, егер кезең болса (міндетті емес)
field-kind = Түрі
field-description = Сипаттама
field-uncertainty-note = Күні нақты болмаса, себебін көрсетіңіз (міндетті емес)
field-articles = Қатысты баптар, үтір арқылы (міндетті емес)
admin-import-explainer = Құжатты бастапқы деректер файлдарының пішімінде қойыңыз: бірінші жол — атау, соңында тыныс белгісі жоқ жолдар — тақырыптар, · белгісімен басталатын жолдар — тізім тармақтары болып табылатын тұжырымдар. Алдын ала қарап шығып, содан кейін сақтаңыз.
field-slug = Мекенжай (латын әрпімен)
field-document = Құжат
admin-preview = Алдын ала қарау
admin-save-announcement = Мәлімдемені сақтау
admin-new-user = Пайдаланушы қосу
admin-create-user = Пайдаланушыны құру
admin-state = Күйі
admin-created = Құрылған күні
admin-enable = Қосу
admin-disable = Өшіру
admin-set-password = Құпиясөз орнату
admin-new-password-for = Мына пайдаланушының жаңа құпиясөзі:
field-role = Рөлі
role-admin = Әкімші
role-editor = Редактор
user-active = белсенді
user-disabled = өшірілген
field-current-password = Қазіргі құпиясөз
field-new-password = Жаңа құпиясөз
password-policy = Кемінде 12 таңба.
audit-chain-intact = Тізбек бүтін.
audit-chain-broken = Тізбек бұзылған.
audit-chain-ok = { $count ->
    [one] { $count } жазба тексерілді.
   *[other] { $count } жазба тексерілді.
}
field-entity = Нысан түрі
field-from = Қай күннен
field-until = Қай күнге дейін

## Әкімшілік бөлім: растаулар
flash-status-recorded = Мәртебенің өзгеруі тіркелді.
flash-status-corrected = Түзету жазбасы тіркелді.
flash-amendment-saved = Түзету сақталды.
flash-link-saved = Байланыс сақталды.
flash-link-removed = Байланыс алынып тасталды.
flash-event-created = Оқиға қосылды.
flash-event-saved = Оқиға сақталды.
flash-event-deleted = Оқиға жойылды.
flash-announcement-imported = Мәлімдеме импортталды.
flash-user-created = Пайдаланушы құрылды.
flash-user-disabled = Пайдаланушы өшірілді және жүйеден шығарылды.
flash-user-enabled = Пайдаланушы қосылды.
flash-password-changed = Құпиясөз өзгертілді; басқа сеанстар аяқталды.

## Әкімшілік бөлім: қателер
error-bad-form = Пішінді оқу мүмкін болмады. Бетті қайта жүктеп, қайталап көріңіз.
error-csrf = Бұл пішіннің мерзімі өтіп кеткен немесе ол трекерден жіберілмеген. Бетті қайта жүктеп, қайталап көріңіз.
error-admin-only = Мұны тек әкімшілер жасай алады.
error-required = Міндетті өріс.
error-too-long = Тым ұзын.
error-bad-date = Күн YYYY-MM-DD пішінінде емес.
error-bad-date-field = «{ $field }» күні YYYY-MM-DD пішінінде емес.
error-bad-url = Бұл http немесе https мекенжайы емес.
error-illegal-transition = Бұл мәртебе қазіргі мәртебеден кейін келе алмайды. Келесі рұқсат етілгендері: { $detail }.
error-date-before-previous = Күні алдыңғы жазбаның күнінен ерте ({ $detail }).
error-correct-latest-only = Тек соңғы жазбаны түзетуге болады.
error-unknown-key = Белгісіз: { $detail }.
error-end-before-start = Аяқталу күні басталу күнінен ерте.
error-document = Құжатты оқу мүмкін болмады: { $detail }
error-slug-taken = Бұл мекенжай бұрыннан қолданылып жүр: { $detail }.
error-username = Пайдаланушы аты 2–40 таңбадан тұрады: кіші латын әріптері, цифрлар, «.», «_» немесе «-».
error-role = Әкімшіні немесе редакторды таңдаңыз.
error-password-policy = Құпиясөз кемінде 12 таңбадан тұруы керек.
error-user-exists = Бұл атпен пайдаланушы бұрыннан бар.
error-disable-self = Өз есептік жазбаңызды өшіре алмайсыз.
error-current-password = Қазіргі құпиясөз қате.
error-heading-401 = Жүйеге кірмегенсіз
error-heading-429 = Сұраулар тым көп
error-message-401 = Жалғастыру үшін жүйеге кіріңіз.
error-message-429 = Сұраулар тым көп. Сәл күтіп, қайталап көріңіз.
error-heading-422 = Пішінді тексеріңіз
error-message-422 = Кейбір өрістерді тексеру қажет.

## Әкімшілік: референдумдар
admin-referendums = Референдумдар
admin-referendums-explainer = Жаңа референдум түзетулерімен бірге жарияланбаған күйде дайындалады. Жарияланғаннан кейін ашық сайт оны ең соңғы ұсынылған болса көрсетеді.
admin-new-referendum = Жаңа референдумды дайындау
admin-create-referendum = Референдумды құру
admin-publish = Жариялау
referendum-published = жарияланған
referendum-draft = дайындалуда
field-question = Бюллетень сұрағы
field-thresholds = Жарамдылық және қабылдау шарттары
field-proposed-on = Ұсынылған күні (YYYY-MM-DD)
field-vote-on = Дауыс беру күні (YYYY-MM-DD, міндетті емес)
field-amendment-lines = Түзетулер, әр жолға біреуден: бап | тақырып | қысқаша сипаттама
error-amendment-line = { $detail }-жол «бап | тақырып | қысқаша сипаттама» түрінде емес немесе бапты қайталайды.
flash-referendum-created = Референдум құрылды, әзірге жарияланбаған.
flash-referendum-published = Референдум жарияланды.
action-referendum-publish = Референдум жарияланды

## Нәтижелер
nav-results = Нәтижелер
results-title = Референдум нәтижелері
results-description = Ел бойынша және өңірлер бойынша алдын ала және түпкілікті нәтижелер, олар бойынша есептелген жарамдылық шарттары — әр көрсеткіш дереккөзімен.
results-shown = Көрсетілген: { $stage }
results-see-other = Қарау: { $stage }
stage-preliminary = алдын ала нәтижелер
stage-final = түпкілікті нәтижелер
results-national = Ел бойынша қорытынды
results-national-bar = Қатысушылар үлесі
results-national-caption = Ел бойынша көрсеткіштер: { $stage }
figure = Көрсеткіш
value = Мәні
not-known = белгісіз
more-than = { $value } астам
results-none-yet = Бұл күнге дейін нәтижелер жарияланбаған еді. Референдум комиссиясы жариялағаннан кейін көрсеткіштер осында дереккөзімен бірге шығады.
results-rules = Жарамдылық және қабылдау шарттары
rule-met = Орындалды
rule-not-met = Орындалмады
rule-unknown = Жарияланған деректер бойынша анықтау мүмкін емес
rule-turnout-detail = Қатысу { $turnout }; шарт бойынша { $threshold } астам болуы керек.
rule-units-detail = { $meeting } бірлікте «иә» { $threshold } астам екені белгілі, { $failing } бірлікте олай емес, { $unknown } бірлік бойынша дерек жоқ; { $needed } бірлік қажет.
rule-no-figures = Әзірге дерек жоқ.
results-units = { $count ->
    [one] { $count } аумақтық бірліктегі нәтижелер
   *[other] { $count } аумақтық бірліктегі нәтижелер
}
sort-label = Кестені сұрыптау
sort-name = Атауы бойынша
sort-turnout = Қатысу бойынша
sort-yes = «Иә» үлесі бойынша
sort-asc = өсу ретімен
sort-desc = кему ретімен
results-turnout-chart = Аумақтық бірліктер бойынша қатысу
results-table-below = Дәл осы көрсеткіштер төмендегі кестеде берілген.
results-units-caption = Аумақтық бірліктер бойынша көрсеткіштер; жарияланбаған көрсеткіш белгісіз деп көрсетіледі
unit = Аумақтық бірлік
figure-eligible = Тізімдегі сайлаушылар
figure-cast = Қатысқандар
figure-turnout-pct = Қатысу
figure-yes = Иә
figure-yes-pct = Иә, үлесі
figure-no = Жоқ
figure-no-pct = Жоқ, үлесі
figure-invalid = Жарамсыз бюллетеньдер
figure-invalid-pct = Жарамсыз, үлесі
figure-both-marked = Екі нұсқа да белгіленген
figure-both-marked-pct = Екеуі де белгіленген, үлесі
error-unknown-stage = «{ $value }» кезеңі белгісіз.
error-stage-not-published = Бұл күнге дейін бұл нәтижелер жарияланбаған еді.
error-unknown-sort = «{ $value }» сұрыптау тәртібі белгісіз.

## Трекер уақыт бойынша
as-of-banner = Сіз трекерді мына күннің соңындағы күйінде көріп отырсыз:
as-of-back = Бүгінгі күнге оралу
as-of-label = Трекерді мына күнгі күйінде көрсету:
as-of-button = Көрсету
error-bad-as-of = «{ $value }» YYYY-MM-DD пішініндегі күн емес.
error-as-of-future = Трекер болашақты көрсетпейді; бүгінгі күнге дейінгі күнді таңдаңыз, { $today }.
error-as-of-too-early = { $first } дейін трекерде дерек жоқ; кейінірек күнді таңдаңыз.
progress-title = Реформаның уақыт бойынша барысы
progress-caption = Мәртебе өзгерген әр күні әр мәртебеде қанша түзету болғаны

## Ашық деректер
nav-data = Ашық деректер: файлдар және лицензия
data-title = Ашық деректер
data-description = Трекер деректерін CSV немесе JSON пішімінде жүктеп алыңыз; мұнда лицензия мен ұсынылатын сілтеме де бар.
data-intro = Трекер көрсететін барлық нәрсені журналистер, зерттеушілер және басқа сайттар үшін жүктеп алуға болады. Файлдарда әрқашан UTF-8 кодтауындағы ағымдағы деректер бар; CSV файлдары RFC 4180 талабына сай, тақырып жолы бар.
data-spreadsheets = CSV файлдарында кесте формула ретінде орындайтын мәтін ұяшығы (=, +, -, @ немесе табуляциядан басталатын) бір тырнақшадан басталады, ал жол ауыстырудан басқа басқару таңбалары алынып тасталады; JSON файлдары мәтінді дәл сақтайды.
data-licence-title = Лицензия және сілтеме
data-licence = Трекердің өз мәтіндері мен жинақталған деректер Creative Commons «Авторын көрсету» лицензиясы бойынша қолжетімді,
data-cite = Былай сілтеме жасауыңызды сұраймыз:
data-citation = Референдум трекері — { $title }. Деректер { $date } күнгі жағдай бойынша.
data-downloads = Файлдар
data-dataset = Деректер жинағы
data-what = Мазмұны
data-formats = Пішімдер
data-format-note = Күндер ISO 8601 пішімінде (ЖЖЖЖ-АА-КК). Пайыздар үтірден кейін екі таңбамен беріледі. Бос ұяшық мәннің белгісіз немесе жарияланбағанын білдіреді. Нәтижелер файлында көрсеткіштер жарияланғанға дейін-ақ әр кезең мен әр аумақтық бірлікке жол бар, сондықтан оның құрылымы алдын ала белгілі.
dataset-amendments = Түзетулер
dataset-amendments-description = Барлық түзету: қысқаша сипаттамасы, түсіндірмесі, ағымдағы мәртебесі, тақырыптары және дереккөз кілттері.
dataset-status-history = Мәртебелер тарихы
dataset-status-history-description = Мәртебенің барлық өзгерісі күнімен және дереккөзімен, түзетулерді қоса алғанда.
dataset-statements = Тұжырымдар
dataset-statements-description = Барлық мәлімдеменің барлық тұжырымы сөзбе-сөз, зәкірімен.
dataset-motivations = Байланыстар
dataset-motivations-description = Қай тұжырым қай түзетудің негізі болғаны және неліктен.
dataset-timeline = Хронология
dataset-timeline-description = Хронологияның барлық оқиғасы күнімен, түрімен, сенімділігімен және дереккөздерімен.
dataset-results = Нәтижелер
dataset-results-description = Әр кезең бойынша ел және аумақтық бірліктер көрсеткіштері, әрқайсысы дереккөзімен.

## Әкімшілік: нәтижелер
admin-results = Нәтижелер
admin-results-explainer = Көрсеткіштерді бір-бірден немесе ашық файлмен бірдей құрылымдағы CSV түрінде бірден енгізіңіз не түзетіңіз. Әр өзгеріс аудит журналына жазылады; түпкілікті нәтижелер алдын ала нәтижелерді ешқашан өшірмейді.
admin-results-one = Бір көрсеткішті енгізу немесе түзету
admin-stage = Кезең
admin-published-on = Жарияланған күні (YYYY-MM-DD)
admin-figure-value = Мәні (сан немесе пайыз, мысалы 68.05; бос мән көрсеткішті жояды)
admin-results-import = Көрсеткіштерді CSV арқылы импорттау
admin-results-csv = Ашық файлдың тақырып жолы бар CSV; әр көрсеткішке дереккөз қажет (мекенжай немесе белгілі дереккөз кілті)
admin-results-import-button = Импорттау
error-csv-at = { $line }-жол, «{ $column }» бағаны: { $problem }
error-csv-refused = Ештеңе импортталмады: осы жолдарды түзетіп, файлды қайта жіберіңіз.
error-csv-empty = Файлда көрсеткіш жоқ.
error-csv-too-large = файл 1 МиБ-тан үлкен
error-csv-header = тақырып жолы ашық файлдағыдай емес
error-csv-unreadable = жолды CSV ретінде оқу мүмкін емес
error-csv-source-without-value = дереккөз мәнсіз берілген
error-csv-percentage = 0 мен 100 аралығындағы, үтірден кейін ең көбі екі таңбалы пайыз емес
error-csv-count = 0-ден кем емес бүтін сан емес
error-csv-source = дереккөз http(s) мекенжайы да, дереккөз кілті де емес
error-csv-stage = кезең preliminary немесе final болуы керек
error-csv-scope = белгісіз аумақтық бірлік
error-csv-date = YYYY-MM-DD пішініндегі күн емес
error-csv-date-differs = басқа жолда бұл кезеңнің күні басқа
error-csv-duplicate = бұл кезең мен бірлік екі рет кездеседі
flash-results-saved = Көрсеткіш сақталды.
flash-results-imported = Көрсеткіштер импортталды.
action-results-update = Нәтижелер енгізілді немесе түзетілді
feed-title = Мәртебе өзгерістері және хронология (Atom таспасы)
feed-amendment-title = Баптың мәртебе өзгерістері
export-made = Трекердің статикалық көшірмесі, жасалған уақыты:

## Іздеу
search-title = Іздеу
search-description = Түзетулер, мәлімдеме тұжырымдары және хронология бойынша қазақ, орыс және ағылшын тілдерінде іздеу.
search-label = Трекер бойынша іздеу
search-placeholder = мысалы, өлім жазасы, Сенат
search-button = Іздеу
search-nothing = Ештеңе табылмады. Басқа немесе азырақ сөз қолданып көріңіз.
search-count = { $count ->
    [one] { $count } нәтиже, ең сәйкесі бірінші.
   *[other] { $count } нәтиже, ең сәйкесі бірінші.
}
search-kind-amendment = Түзету
search-kind-statement = Мәлімдеме тұжырымы
search-kind-event = Хронология оқиғасы
unofficial-translation = ресми емес аударма
admin-translations = Аудармалар
admin-translations-explainer = Мәтіндерді түпнұсқамен қатар аударыңыз. Аударманы ресми мәтін болған жағдайда ғана ресми деп белгілеп, оның дереккөзін көрсетіңіз; әйтпесе аударма ресми емес болып көрсетіледі. Бос өріс аударманы жояды.
admin-field = Өріс
admin-original = түпнұсқа
admin-official = Ресми ме?
admin-official-text = Бұл ресми мәтін
error-official-needs-source = Ресми аудармаға дереккөз мекенжайы қажет.
flash-translations-saved = Аудармалар сақталды.
action-translation-save = Аударма сақталды
search-kind-status = Мәртебенің өзгеруі
error-request-id = Мәселе туралы хабарлағанда сұрау идентификаторын көрсетіңіз:
error-heading-408 = Тым ұзақ
error-message-408 = Сұрау тым ұзақ орындалып, тоқтатылды. Қайталап көріңіз.
admin-translate = Аудару
field-text = Мәтін
admin-statements = Тұжырымдар
admin-anchor = Зәкір
admin-translated = аударылған
figure-yes-pct-above = Иә, кемінде (төменгі шек)
error-bad-page = Бет мекенжайы жарамсыз; беттегі сілтемелерді пайдаланыңыз.
feed-audit-head = Аудит журналы: { $count } жазба; соңғысының хеші — { $hash }.

overview-history-title = Бұл — тарих, қолданыстағы құқық емес.
overview-history = { $date } 1995 жылғы Конституция осы реформаның барлық түзетулерімен бірге күшін жойды: оның орнына 2026 жылғы 15 наурыздағы референдумда қабылданған Конституция келді. Төменде 2022 жылғы реформаның қалай қабылданып, қолданылғаны баяндалады.
overview-history-link = 1995 жылғы Конституцияның соңғы күнгі редакциясы

constitution-title = Таңдалған күнгі Конституция
constitution-description = Қазақстан Конституциясының таңдалған күннің соңында қолданыста болған толық ресми мәтіні, әр баптың өзгерістерімен.
constitution-as-of = { $date } күнінің соңындағы редакция.
constitution-official = Ресми мәтін орыс тілінде, төменде аталған көшірмеден сөзбе-сөз алынған. Сайттың басқа бөлімдеріндегі мазмұндама — біздікі.
constitution-source-1995 = 1995 жылғы 30 тамыздағы Конституция, 2022 жылғы 8 маусым мен 17 қыркүйектегі заңдардан кейінгі редакция (adilet үлгісіндегі біріктірілген мәтіннің көшірмесі). 2026 жылғы 1 шілдеде күшін жойды.
constitution-source-2026 = 2026 жылғы 15 наурыздағы референдумда қабылданған Конституция, 2026 жылғы 12 ақпанда жарияланған мәтін; 2026 жылғы 1 шілдеден бастап қолданыста.
constitution-new-adopted = Жаңа Конституция 2026 жылғы 15 наурыздағы референдумда қабылданды және 2026 жылғы 1 шілдеде күшіне енеді; сол күні бұл мәтін күшін жояды.
constitution-read-2026 = 2026 жылғы Конституция мәтіні.
constitution-ceased = 1995 жылғы Конституция 2022 жылғы барлық түзетулерімен бірге 2026 жылғы 1 шілдеде күшін жойды (94-баптың 1-тармағы).
constitution-read-1995 = 1995 жылғы Конституцияның соңғы күнгі редакциясы.
constitution-before-record = 2022 жылғы 8 маусымға дейін: 2022 жылғы заңдар өзгертпеген ережелер 2022 жылғы редакцияда көрсетілген; бұрынғы түзетулер (1998–2019) мұнда көрсетілмеген.
constitution-date-label = Мына күннің соңындағы мәтін
constitution-date-show = Көрсету
constitution-history = { $count ->
   *[other] Баптың { $count } өзгерісі
}
constitution-point = { $point }-тармақ
constitution-amendment-page = түзету беті
constitution-new-provision = Жаңа ереже: бұрынғы редакциясы болмаған.
constitution-no-redline = Салыстыру жоқ: бұрынғы редакция тексерілген дереккөздерден табылмады.
constitution-pending = Қабылданды, { $date } бастап күшіне енеді:
constitution-not-yet = Бұл күні әлі күшіне енбеген.
fidelity-derived = Қалпына келтірілген редакция: 2022 жылғы заң енгізген сөз ауыстыруын кері қайтару арқылы алынды; бұрынғы мәтіннің дәйексөзі емес.
fidelity-derived-short = Бұрынғы редакция қалпына келтірілген:
fidelity-unknown = Бұл күнгі редакция тексерілген дереккөздерден табылмады (бұрынғы редакциялар adilet.zan.kz сайтында бар).
act-law-2022-06-08 = 2022 жылғы 8 маусымдағы заң (2022 жылғы 5 маусымдағы референдум)
act-law-2022-09-17 = 2022 жылғы 17 қыркүйектегі № 142-VII заң

wording-ours = Өзгерістің біз жасаған қарапайым мазмұндамасы; бұл ресми мәтін емес (ол жоғарыда).
official-title = Ресми мәтін
official-intro = Заңның тармағы және Конституцияның одан бұрынғы және кейінгі мәтіні — дереккөздерде аталған ресми мәтіндерден сөзбе-сөз, орыс тілінде. Табылмаған редакция табылмады деп көрсетілген; заңның өз өзгерісі бойынша қалпына келтірілгені солай белгіленген. Бұл беттің тіліндегі ресми мәтін мұнда жоқ.
official-point = 2022 жылғы 8 маусымдағы Заңның 1-бабының { $point }-тармағы
official-before = Бұрын
official-after = Кейін
official-in-force-from = { $date } бастап күшінде
official-redline = Тармақ нені өзгертті, сөзбе-сөз: алынып тасталған сөздердің үсті сызылған және «алынып тасталды» деп белгіленген; қосылғандардың асты сызылған және «қосылды» деп белгіленген.
official-changed-again = 2022 жылғы 17 қыркүйектегі № 142-VII Заңмен қайта өзгертілді ({ $date } бастап күшінде):
fidelity-derived-label = қалпына келтірілген, дәйексөз емес
fidelity-official-label = ресми мәтін
provision-article = { $number }-бап
provision-paragraph = { $number }-тармақ
provision-subparagraph = { $number }-тармақша
provision-list = { $number }-тізбе
provision-part = { $number }-бөлік
provision-intro = кіріспе бөлігі
provision-section = { $number }-бөлім

dataset-provisions = Конституция ережелері
dataset-provisions-description = 1995 және 2026 жылғы Конституциялардың барлық ережелері мәтін ретімен, Akoma Ntoso үлгісіндегі идентификаторымен, түрімен және нөмірімен.
dataset-provision-versions = Ережелердің редакциялары
dataset-provision-versions-description = Әр ереженің әр редакциясы: қолданыста болған күндері, оны енгізген акт және дұрыстығы (ресми, қалпына келтірілген немесе табылмаған — онда мәтін бос).
dataset-law-points = 2022 жылғы заңның тармақтары
dataset-law-points-description = 2022 жылғы 8 маусымдағы Заңның 1-бабының 35 тармағы сөзбе-сөз, әрқайсысы өзгертетін ережелерімен.

data-akn-title = Ресми мәтіндер Akoma Ntoso форматында
data-akn = Конституцияның күшіне енген күнінен бастапқы әр редакциясы және 2022 жылғы 8 маусымдағы Заң Akoma Ntoso 3.0 (OASIS LegalDocML) форматында: әр ереженің eId-і бар, 2022 жылғы өзгерістер модификация ретінде жазылған, дереккөздерден табылмаған редакциялар өткізілген деп белгіленген. Бұл файлдар ресми жарияланым емес.

compare-title = Конституцияны екі күн бойынша салыстыру
compare-description = Конституцияның екі күнде әртүрлі редакцияда болған барлық ережелері, сөзбе-сөз.
compare-between = { $from } күнінің соңындағы редакциясы
compare-and = { $to } күнінің соңындағы редакциясынан өзгеше ережелер.
compare-from = Мына күннің соңынан
compare-to = мына күннің соңына дейін
compare-different-documents = Бұл күндер әртүрлі конституцияларға жатады: 2026 жылғы 30 маусымға дейін 1995 жылғы мәтін, 2026 жылғы 1 шілдеден бастап 2026 жылғы мәтін. Олардың баптарының сәйкестігі туралы ресми кесте жоқ, сондықтан ережелер бойынша салыстыру берілмейді.
compare-none = Бұл екі күнде барлық ережелердің редакциясы бірдей.
compare-count = { $count ->
   *[other] { $count } ереже өзгеше.
}
compare-absent = Бұл күні мәтінде жоқ.
error-compare-dates = Салыстыру күндері былай беріледі: from=ЖЖЖЖ-АА-КК және to=ЖЖЖЖ-АА-КК.
compare-link = Мәтінді екі күн бойынша салыстыру
constitution-akn-link = Бұл мәтін Akoma Ntoso XML форматында
search-kind-provision = Конституцияның ресми мәтіні
