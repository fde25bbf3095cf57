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
wording-title = Өзгеріске дейінгі және кейінгі мәтін
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
