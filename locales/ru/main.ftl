# Тексты интерфейса, русский язык. Каждый ключ отсюда должен быть и в kk, и в en
# (это проверяет модульный тест). Содержимое (краткие описания, примечания) здесь не переводится.

## Сайт
site-name = Трекер референдума
site-case = Казахстан, 2022
skip-to-content = Перейти к основному содержанию
nav-label = Основная навигация
nav-overview = Обзор
nav-amendments = Поправки
nav-timeline = Хронология
nav-constitution = Конституция
nav-council = Проверка Советом
nav-announcements = Заявления
language-switcher = Язык
breadcrumb = Навигационная цепочка
data-as-of = Данные по состоянию на
footer-sources = Для каждого утверждения на этом сайте указан источник. Краткие описания — это изложение простым языком, подготовленное для этого трекера, а не официальный текст.
content-untranslated = Содержимое трекера (краткие описания, примечания и текст заявления) пока не переведено на этот язык и показано на языке оригинала — английском. Интерфейс переведён.

## Общие слова
article = Статья
new = новая
new-article = Новая статья
since = с
source = Источник
sources = Источники
source-no-url = публичный адрес не указан
source-not-recorded = источник не указан
date = Дата
event = Событие
speaker = Выступающий
venue = Место
themes = Темы
uncertain = Неточно
recorded = записано
today = Сегодня
section-number = Раздел { $section }
law-point = Пункт { $point } статьи 1 закона о внесении изменений и дополнений в Конституцию

## Статусы
status-drafted = Подготовлена
status-submitted = Направлена в Совет
status-council-compliant = Совет: соответствует
status-council-noncompliant = Совет: не соответствует
status-withdrawn = Отозвана
status-on-ballot = Вынесена на референдум
status-adopted = Принята
status-rejected = Отклонена
status-in-force = Вступила в силу
status-amended-later = Изменена позднее
status-superseded = Утратила силу
no-status = Статус не указан

## Шкала этапов
step-drafted = Подготовлена
step-submitted = Направлена в Конституционный Совет
step-council = Заключение Совета
step-council-compliant = Заключение Совета: соответствует
step-council-noncompliant = Заключение Совета: не соответствует
step-ballot = Вынесена на референдум
step-vote = Принята или отклонена
step-adopted = Принята
step-rejected = Отклонена
step-in-force = Вступила в силу
step-state-done = пройден
step-state-current = текущий этап
step-state-todo = не достигнут

## Виды событий хронологии
kind-context = Контекст
kind-announcement = Заявление
kind-council = Конституционный контроль
kind-decree = Указ
kind-referendum = Референдум
kind-results = Итоги
kind-law = Закон
kind-entry-into-force = Вступление в силу
kind-implementation = Реализация
kind-election = Выборы

## Обзор
overview-title = Обзор
proposed-on = Предложена
voted-on = голосование
where-they-stand = { $count ->
    [one] На каком этапе находится { $count } поправка
    [few] На каком этапе находятся { $count } поправки
    [many] На каком этапе находятся { $count } поправок
   *[other] На каком этапе находятся { $count } поправки
}
status-bar-title = Поправки по текущему статусу
of-amendments = { $total ->
    [one] из { $total } поправки
    [few] из { $total } поправок
    [many] из { $total } поправок
   *[other] из { $total } поправки
}
see-all-amendments = { $count ->
    [one] Смотреть все { $count } поправку
    [few] Смотреть все { $count } поправки
    [many] Смотреть все { $count } поправок
   *[other] Смотреть все { $count } поправки
}
last-and-next = Последний и следующий шаги
latest = Последнее
next = Следующее
no-past-event = Пока не произошло ни одного события.
no-upcoming-event = В трекере нет запланированных предстоящих событий.
full-timeline = Полная хронология
latest-changes = Последние изменения статуса
no-changes = Изменений статуса пока не зафиксировано.
why-officials = Почему: что говорили официальные лица

## Список поправок
amendments-title = Все поправки
amendments-title-filtered = Поправки: { $filter }
amendments-description = Все статьи, которые изменяет реформа, в порядке Конституции, с текущим статусом каждой.
all-amendments = { $count ->
    [one] Все { $count } поправка
    [few] Все { $count } поправки
    [many] Все { $count } поправок
   *[other] Все { $count } поправки
}
filter-status-label = Статус
filter-theme-label = Тема
any-status = Любой статус
any-theme = Любая тема
filter-button = Применить
show-all = Показать все
shown-count = { $total ->
    [one] Показано { $shown } из { $total } поправки, в порядке Конституции.
    [few] Показано { $shown } из { $total } поправок, в порядке Конституции.
    [many] Показано { $shown } из { $total } поправок, в порядке Конституции.
   *[other] Показано { $shown } из { $total } поправки, в порядке Конституции.
}
no-match = Ни одна поправка не соответствует этому фильтру.
filter-status = статус «{ $status }»
filter-theme = тема «{ $theme }»
filter-status-and-theme = статус «{ $status }» и тема «{ $theme }»
headings-title = Переименованные заголовки разделов
headings-intro = Закон также переименовал два раздела Конституции. Это не статьи, поэтому они не входят в число { $count } { $count ->
    [one] поправки
    [few] поправок
    [many] поправок
   *[other] поправки
} и не имеют собственного статуса.
heading-before-unknown = прежний заголовок в наших источниках не указан

## Страница поправки
current-status = Текущий статус
progress = Этапы
what-changes = Что меняется
wording-title = Простыми словами: до и после
wording-unknown = В трекере нет проверенного текста этой статьи до и после реформы. Суть изменения изложена в кратком описании выше.
before = Было
after = Стало
wording-before-unknown = Неизвестно: ни один проверенный источник не приводит прежний текст.
wording-after-unknown = Неизвестно: ни один проверенный источник не приводит новый текст.
word-by-word = Пословное сравнение
diff-legend = Удалённые слова зачёркнуты и помечены «удалено»; добавленные слова подчёркнуты и помечены «добавлено».
removed = удалено
added = добавлено
entry-into-force = Вступление в силу
no-entry-into-force = Дата вступления в силу не указана.
why-proposed = Почему её предложили
no-motivation = С этой поправкой не связано ни одно положение заявлений.
why-linked = Почему связано
status-history = История статуса
corrected = Исправлено
see-correction = см. исправление
correction = Исправление
see-corrected = см. исправленную запись
related-events = Связанные события
amendment-sources = Источники по этой поправке
no-sources = Источники не указаны.
entry-changed = Запись последний раз изменена
other-amendments = Другие поправки

## Заявления
announcements-title = Заявления
announcements-description = Что говорили официальные лица, положение за положением. Каждое положение связано с поправками, которые оно обосновало.
about-this-text = Об этом тексте
corroborating-sources = Источники, подтверждающие дату, событие и его положения ({ $count })
announcement-intro = Ниже приведён дословный текст документа, разбитый на положения. { $motivating } из { $total } { $total ->
    [one] положения
    [few] положений
    [many] положений
   *[other] положения
} { $motivating ->
    [one] связано с поправками, которые оно обосновало
   *[other] связаны с поправками, которые они обосновали
}; остальные не обосновали ни одной поправки и помечены соответствующим образом.
link-to-statement = Ссылка на это положение
motivated-none = Не обосновало ни одной поправки.
motivated-count = { $count ->
    [one] Обосновало { $count } поправку:
    [few] Обосновало { $count } поправки:
    [many] Обосновало { $count } поправок:
   *[other] Обосновало { $count } поправки:
}

## Хронология
timeline-title = Хронология
timeline-description = Все датированные этапы реформы — от первого объявления до вступления в силу, каждый со своим источником.
timeline-intro = Все датированные этапы реформы. События, дата которых в источниках расходится, помечены как неточные.
past-events = Прошедшие события ({ $count })
upcoming-events = Предстоящие события ({ $count })
today-explainer = События выше этой линии уже произошли; события ниже — предстоящие.

## Совет
council-title = Рассмотрение в Конституционном Совете
council-description = Что и когда было направлено в Конституционный Совет, что он установил в своём заключении и каков итог по каждой поправке.
council-submitted-title = Что и когда было направлено
council-submitted-on = Проекты поправок были направлены в Совет
council-accepted-on = Совет сообщил о принятии обращения к производству
council-conclusion-title = Заключение
conclusion = Заключение
chair = Председатель
rapporteur = Докладчик
finding = Что установлено
no-conclusion = Заключение пока не зафиксировано.
open-questions = Что остаётся неясным по источникам
no-council-review = Рассмотрение Конституционным Советом по этому референдуму не зафиксировано.
outcomes-title = Итог по каждой поправке
no-outcomes = Решение Совета пока не зафиксировано ни по одной поправке.
outcomes-caption = { $count ->
    [one] Вывод Совета по каждой из { $count } рассмотренной им поправки
    [few] Вывод Совета по каждой из { $count } рассмотренных им поправок
    [many] Вывод Совета по каждой из { $count } рассмотренных им поправок
   *[other] Вывод Совета по каждой из { $count } рассмотренных им поправки
}
outcome = Итог
no-outcome-for = Решение Совета не зафиксировано по поправкам

## Ошибки
error-code = Ошибка
error-ways-back = Куда вернуться
error-heading-400 = На этот запрос невозможно ответить
error-heading-403 = Доступ запрещён
error-heading-404 = Страница не найдена
error-heading-405 = Метод не разрешён
error-heading-409 = Изменено кем-то другим
error-heading-413 = Слишком большой запрос
error-heading-500 = Что-то пошло не так
error-heading-503 = Временно недоступно
error-message-400 = Запрос составлен неверно.
error-message-403 = Это действие запрещено.
error-message-404 = По этому адресу нет страницы. Ссылки ниже ведут обратно в трекер.
error-message-405 = Этот адрес не принимает запросы такого типа.
error-message-409 = Запись изменилась с тех пор, как вы её открыли.
error-message-413 = Запрос больше, чем допускает трекер.
error-message-500 = Трекеру не удалось показать эту страницу. Проблема записана в журнал.
error-message-503 = Трекер сейчас не может подключиться к своей базе данных. Попробуйте ещё раз через минуту.
error-bad-query = Не удалось прочитать строку запроса: { $detail }
error-unknown-status = Неизвестный фильтр статуса «{ $value }».
error-unknown-theme = Неизвестный фильтр темы «{ $value }».
error-allowed = Допустимые значения: { $allowed }.
no-referendum = Референдум пока не зафиксирован.
amendment-not-found = Поправка к статье «{ $article }» не зафиксирована.
announcement-not-found = По этому адресу заявление не найдено.
## Публичный журнал изменений
nav-changes = Журнал изменений
changes-title = Журнал изменений
changes-pages = Страницы журнала изменений
changes-newest = Последние изменения
changes-older = Более ранние изменения
changes-description = Все изменения публичного содержимого трекера по порядку — с хешами, которые связывают записи в цепочку.
changes-intro = Здесь фиксируется каждое изменение статуса и каждая правка публичного содержимого, начиная с самых новых. Каждая запись содержит хеш своего содержимого и предыдущей записи: изменение или удаление любой записи нарушило бы все последующие хеши. Имена и адреса редакторов хранятся во внутреннем журнале.
changes-none = С момента загрузки данных не зафиксировано ни одного изменения.
changes-head-title = Конец журнала
changes-head = { $count ->
    [one] Весь журнал аудита, включая внутренние записи, содержит { $count } запись. Хеш последней:
    [few] Весь журнал аудита, включая внутренние записи, содержит { $count } записи. Хеш последней:
   *[other] Весь журнал аудита, включая внутренние записи, содержит { $count } записей. Хеш последней:
}
changes-head-keep = Сохраните его копию: тогда удаление любой записи до неё, включая последние, можно доказать командой
audit-hash = Хеш
action-status-record = Статус записан
action-synthetic-generate = Созданы синтетические тестовые данные
action-status-correct = Статус исправлен
action-amendment-edit = Поправка изменена
action-timeline-create = Событие хронологии добавлено
action-timeline-update = Событие хронологии изменено
action-timeline-delete = Событие хронологии удалено
action-link-save = Положение связано
action-link-delete = Связь с положением удалена
action-announcement-import = Заявление импортировано

## Администрирование: оболочка и вход
admin-name = Администрирование трекера
admin-dashboard = Панель управления
admin-timeline = События хронологии
admin-import = Импорт заявления
admin-audit = Журнал аудита
admin-users = Пользователи
admin-account = Моя учётная запись
admin-public-site = Публичный сайт
admin-view-public = Открыть публичную страницу
sign-in = Войти
sign-out = Выйти
signed-in-as = Вы вошли как { $name }
username = Имя пользователя
password = Пароль
login-failed = Неверное имя пользователя или пароль.
login-throttled = Слишком много неудачных попыток. Подождите 15 минут и попробуйте снова.
flash-signed-out = Вы вышли из системы.

## Администрирование: поправки
version-number = версия { $version }
admin-record-status = Записать изменение статуса
admin-final-status = Этот статус окончательный: дальнейшие изменения невозможны.
admin-correct-status = Исправить последнюю запись
admin-correct-explainer = Исправление добавляет новую запись, которая заменяет последнюю; обе остаются в публичной истории. Последняя запись —
admin-edit-amendment = Изменить текст
admin-links = Положения, которые её обосновали
admin-link = Связать положение
admin-unlink = Удалить эту связь
conflict-explainer = Кто-то изменил эту запись после того, как вы открыли страницу. Ничего не сохранено. Введённые вами данные сохранены ниже; проверьте текущее состояние и отправьте их снова, если они всё ещё актуальны.
field-effective-date = Дата вступления в силу (YYYY-MM-DD)
field-note = Примечание
field-source-url = Адрес источника (http или https)
field-title = Заголовок
field-summary = Краткое описание в одну строку
field-explanation = Пояснение
field-wording-before = Текст до изменения (необязательно)
field-wording-after = Текст после изменения (необязательно)
field-source-keys = Ключи источников, по одному на строке
field-statement = Положение
field-link-note = Почему связано
save = Сохранить

## Администрирование: хронология, импорт, пользователи, аудит
admin-new-event = Добавить событие хронологии
admin-edit-event = Изменить событие хронологии
admin-delete-event = Удалить это событие
admin-actions = Действия
edit = Изменить
field-starts-on = Дата (YYYY-MM-DD)
field-ends-on = Дата окончания, если это период (необязательно)
field-kind = Вид
field-description = Описание
field-uncertainty-note = Если дата неточна, объясните почему (необязательно)
field-articles = Связанные статьи через запятую (необязательно)
admin-import-explainer = Вставьте документ в формате файлов начальных данных: первая строка — заголовок, строки без завершающего знака препинания — подзаголовки, строки, начинающиеся с ·, — положения-пункты списка. Проверьте предпросмотр, затем сохраните.
field-slug = Адрес (латиницей)
field-document = Документ
admin-preview = Предпросмотр
admin-save-announcement = Сохранить заявление
admin-new-user = Добавить пользователя
admin-create-user = Создать пользователя
admin-state = Состояние
admin-created = Создан
admin-enable = Включить
admin-disable = Отключить
admin-set-password = Задать пароль
admin-new-password-for = Новый пароль для
field-role = Роль
role-admin = Администратор
role-editor = Редактор
user-active = активен
user-disabled = отключён
field-current-password = Текущий пароль
field-new-password = Новый пароль
password-policy = Не менее 12 символов.
audit-chain-intact = Цепочка не нарушена.
audit-chain-broken = Цепочка нарушена.
audit-chain-ok = { $count ->
    [one] Проверена { $count } запись.
    [few] Проверены { $count } записи.
    [many] Проверено { $count } записей.
   *[other] Проверено { $count } записи.
}
field-entity = Тип объекта
field-from = С
field-until = По

## Администрирование: подтверждения
flash-status-recorded = Изменение статуса записано.
flash-status-corrected = Исправление записано.
flash-amendment-saved = Поправка сохранена.
flash-link-saved = Связь сохранена.
flash-link-removed = Связь удалена.
flash-event-created = Событие добавлено.
flash-event-saved = Событие сохранено.
flash-event-deleted = Событие удалено.
flash-announcement-imported = Заявление импортировано.
flash-user-created = Пользователь создан.
flash-user-disabled = Пользователь отключён, его сеансы завершены.
flash-user-enabled = Пользователь включён.
flash-password-changed = Пароль изменён; остальные сеансы завершены.

## Администрирование: ошибки
error-bad-form = Не удалось прочитать форму. Перезагрузите страницу и попробуйте снова.
error-csrf = Срок действия этой формы истёк, или она отправлена не из трекера. Перезагрузите страницу и попробуйте снова.
error-admin-only = Это могут делать только администраторы.
error-required = Обязательное поле.
error-too-long = Слишком длинно.
error-bad-date = Дата должна быть в формате YYYY-MM-DD.
error-bad-date-field = Дата «{ $field }» не в формате YYYY-MM-DD.
error-bad-url = Адрес должен начинаться с http или https.
error-illegal-transition = Этот статус не может следовать за текущим. Допустимые следующие: { $detail }.
error-date-before-previous = Дата раньше даты предыдущей записи ({ $detail }).
error-correct-latest-only = Исправить можно только последнюю запись.
error-unknown-key = Неизвестно: { $detail }.
error-end-before-start = Дата окончания раньше даты начала.
error-document = Не удалось прочитать документ: { $detail }
error-slug-taken = Этот адрес уже занят: { $detail }.
error-username = Имя пользователя — от 2 до 40 символов: строчные латинские буквы, цифры, «.», «_» или «-».
error-role = Выберите администратора или редактора.
error-password-policy = Пароль должен содержать не менее 12 символов.
error-user-exists = Пользователь с таким именем уже существует.
error-disable-self = Нельзя отключить собственную учётную запись.
error-current-password = Неверный текущий пароль.
error-heading-401 = Вход не выполнен
error-heading-429 = Слишком много запросов
error-message-401 = Войдите, чтобы продолжить.
error-message-429 = Слишком много запросов. Подождите немного и попробуйте снова.
error-heading-422 = Проверьте форму
error-message-422 = Некоторые поля требуют внимания.

## Администрирование: референдумы
admin-referendums = Референдумы
admin-referendums-explainer = Новый референдум готовится неопубликованным, вместе с поправками. После публикации открытый сайт показывает его, если он предложен позже остальных.
admin-new-referendum = Подготовить новый референдум
admin-create-referendum = Создать референдум
admin-publish = Опубликовать
referendum-published = опубликован
referendum-draft = готовится
field-question = Вопрос бюллетеня
field-thresholds = Условия действительности и принятия
field-proposed-on = Дата предложения (YYYY-MM-DD)
field-vote-on = День голосования (YYYY-MM-DD, необязательно)
field-amendment-lines = Поправки, по одной на строку: статья | заголовок | краткое описание
error-amendment-line = Строка { $detail } не имеет вида «статья | заголовок | краткое описание» или повторяет статью.
flash-referendum-created = Референдум создан и пока не опубликован.
flash-referendum-published = Референдум опубликован.
action-referendum-publish = Референдум опубликован

## Результаты
nav-results = Результаты
results-title = Результаты референдума
results-description = Общенациональные и региональные результаты, предварительные и окончательные, и рассчитанные по ним условия действительности — каждая цифра с источником.
results-shown = Показаны: { $stage }
results-see-other = Смотреть { $stage }
stage-preliminary = предварительные результаты
stage-final = окончательные результаты
results-national = Итоги по стране
results-national-bar = Доля участников
results-national-caption = Показатели по стране: { $stage }
figure = Показатель
value = Значение
not-known = неизвестно
more-than = более { $value }
results-none-yet = К этой дате результаты ещё не были опубликованы. Цифры появятся здесь, каждая с источником, после публикации комиссией референдума.
results-rules = Условия действительности и принятия
rule-met = Выполнено
rule-not-met = Не выполнено
rule-unknown = Нельзя определить по опубликованным данным
rule-turnout-detail = Явка { $turnout }; условие требует более { $threshold }.
rule-units-detail = Известно, что в { $meeting } единицах «за» более { $threshold }, в { $failing } — нет, по { $unknown } данных нет; нужно { $needed }.
rule-no-figures = Данных пока нет.
results-units = { $count ->
    [one] Результаты в { $count } территориальной единице
   *[other] Результаты в { $count } территориальных единицах
}
sort-label = Сортировка таблицы
sort-name = По названию
sort-turnout = По явке
sort-yes = По доле «за»
sort-asc = по возрастанию
sort-desc = по убыванию
results-turnout-chart = Явка по территориальным единицам
results-table-below = Те же цифры приведены в таблице ниже.
results-units-caption = Показатели по территориальным единицам; неопубликованные показатели отмечены как неизвестные
unit = Территориальная единица
figure-eligible = Избиратели в списках
figure-cast = Приняли участие
figure-turnout-pct = Явка
figure-yes = За
figure-yes-pct = За, доля
figure-no = Против
figure-no-pct = Против, доля
figure-invalid = Недействительные бюллетени
figure-invalid-pct = Недействительные, доля
figure-both-marked = Отмечены оба варианта
figure-both-marked-pct = Оба варианта, доля
error-unknown-stage = Неизвестный этап «{ $value }».
error-stage-not-published = К этой дате эти результаты ещё не были опубликованы.
error-unknown-sort = Неизвестный порядок сортировки «{ $value }».

## Трекер во времени
as-of-banner = Вы видите трекер таким, каким он был на конец дня
as-of-back = Вернуться к сегодняшнему дню
as-of-label = Показать трекер по состоянию на
as-of-button = Показать
error-bad-as-of = «{ $value }» — не дата в формате YYYY-MM-DD.
error-as-of-future = Трекер не показывает будущее; выберите дату не позже сегодняшней, { $today }.
error-as-of-too-early = До { $first } в трекере нет данных; выберите более позднюю дату.
progress-title = Ход реформы во времени
progress-caption = Сколько поправок находилось в каждом статусе на каждую дату изменения статуса

## Открытые данные
nav-data = Открытые данные: файлы и лицензия
data-title = Открытые данные
data-description = Скачайте данные трекера в формате CSV или JSON; здесь же лицензия и рекомендуемая ссылка.
data-intro = Всё, что показывает трекер, можно скачать — для журналистов, исследователей и других сайтов. Файлы всегда содержат текущие данные в кодировке UTF-8; файлы CSV соответствуют RFC 4180 и имеют строку заголовков.
data-spreadsheets = В файлах CSV текстовая ячейка, которую таблица выполнила бы как формулу (начинающаяся с =, +, -, @ или табуляции), начинается с одинарной кавычки, а управляющие символы, кроме переносов строк, удалены; файлы JSON сохраняют текст в точности.
data-licence-title = Лицензия и ссылка
data-licence = Собственные тексты трекера и собранные данные доступны по лицензии Creative Commons «С указанием авторства»,
data-cite = Просим ссылаться так:
data-citation = Трекер референдума — { $title }. Данные по состоянию на { $date }.
data-downloads = Файлы
data-dataset = Набор данных
data-what = Содержание
data-formats = Форматы
data-format-note = Даты в формате ISO 8601 (ГГГГ-ММ-ДД). Проценты — с двумя знаками после запятой. Пустая ячейка означает, что значение неизвестно или не опубликовано. В файле результатов есть строка для каждого этапа и каждой территориальной единицы ещё до публикации цифр, поэтому его структура известна заранее.
dataset-amendments = Поправки
dataset-amendments-description = Все поправки с кратким описанием, пояснением, текущим статусом, темами и ключами источников.
dataset-status-history = История статусов
dataset-status-history-description = Все изменения статуса с датами и источниками, включая исправления.
dataset-statements = Положения
dataset-statements-description = Все положения всех заявлений дословно, с якорями.
dataset-motivations = Связи
dataset-motivations-description = Какое положение обосновало какую поправку и почему.
dataset-timeline = Хронология
dataset-timeline-description = Все события хронологии с датой, видом, степенью достоверности и источниками.
dataset-results = Результаты
dataset-results-description = Показатели по стране и по территориальным единицам для каждого этапа, каждый с источником.

## Администрирование: результаты
admin-results = Результаты
admin-results-explainer = Вводите или исправляйте показатели по одному или сразу несколько в виде CSV той же структуры, что и открытый файл. Каждое изменение попадает в журнал аудита; окончательные результаты никогда не стирают предварительные.
admin-results-one = Ввести или исправить один показатель
admin-stage = Этап
admin-published-on = Дата публикации (YYYY-MM-DD)
admin-figure-value = Значение (число или процент, например 68.05; пустое значение удаляет показатель)
admin-results-import = Импорт показателей из CSV
admin-results-csv = CSV со строкой заголовков из открытого файла; для каждого показателя нужен источник (адрес или известный ключ источника)
admin-results-import-button = Импортировать
error-csv-at = Строка { $line }, столбец «{ $column }»: { $problem }
error-csv-refused = Ничего не импортировано: исправьте эти строки и отправьте файл снова.
error-csv-empty = В файле нет показателей.
error-csv-too-large = файл больше 1 МиБ
error-csv-header = строка заголовков не совпадает с открытым файлом
error-csv-unreadable = строку нельзя прочитать как CSV
error-csv-source-without-value = источник указан без значения
error-csv-percentage = не процент от 0 до 100 с не более чем двумя знаками после запятой
error-csv-count = не целое число не меньше 0
error-csv-source = источник — не адрес http(s) и не ключ источника
error-csv-stage = этап должен быть preliminary или final
error-csv-scope = неизвестная территориальная единица
error-csv-date = не дата в формате YYYY-MM-DD
error-csv-date-differs = в другой строке у этого этапа другая дата
error-csv-duplicate = этот этап и эта единица встречаются дважды
flash-results-saved = Показатель сохранён.
flash-results-imported = Показатели импортированы.
action-results-update = Результаты введены или исправлены
feed-title = Изменения статусов и хронология (лента Atom)
feed-amendment-title = Изменения статуса статьи
export-made = Статическая копия трекера, сделана

## Поиск
search-title = Поиск
search-description = Поиск по поправкам, положениям заявлений и хронологии на казахском, русском и английском языках.
search-label = Поиск по трекеру
search-placeholder = например, смертная казнь, Сенат
search-button = Найти
search-nothing = Ничего не найдено. Попробуйте другие слова или меньше слов.
search-count = { $count ->
    [one] { $count } результат, сначала наиболее подходящие.
    [few] { $count } результата, сначала наиболее подходящие.
    [many] { $count } результатов, сначала наиболее подходящие.
   *[other] { $count } результата, сначала наиболее подходящие.
}
search-kind-amendment = Поправка
search-kind-statement = Положение заявления
search-kind-event = Событие хронологии
unofficial-translation = неофициальный перевод
admin-translations = Переводы
admin-translations-explainer = Переводите тексты рядом с оригиналом. Отмечайте перевод как официальный, только если существует официальный текст, и указывайте его источник; иначе перевод показывается как неофициальный. Пустое поле удаляет перевод.
admin-field = Поле
admin-original = оригинал
admin-official = Официальный?
admin-official-text = Это официальный текст
error-official-needs-source = Для официального перевода нужен адрес источника.
flash-translations-saved = Переводы сохранены.
action-translation-save = Перевод сохранён
search-kind-status = Изменение статуса
error-request-id = Сообщая о проблеме, укажите идентификатор запроса:
error-heading-408 = Слишком долго
error-message-408 = Запрос выполнялся слишком долго и был остановлен. Попробуйте ещё раз.
admin-translate = Перевести
field-text = Текст
admin-statements = Положения
admin-anchor = Якорь
admin-translated = переведено
figure-yes-pct-above = За, более чем (нижняя граница)
error-bad-page = Адрес страницы недействителен; воспользуйтесь ссылками на странице.
feed-audit-head = Журнал аудита: записей — { $count }; хеш последней — { $hash }.

overview-history-title = История, а не действующее право.
overview-history = { $date } Конституция 1995 года вместе со всеми поправками этой реформы утратила силу: её заменила Конституция, принятая на референдуме 15 марта 2026 года. Ниже — история того, как реформа 2022 года была принята и применялась.
overview-history-link = Конституция 1995 года в редакции последнего дня её действия

constitution-title = Конституция на выбранную дату
constitution-description = Полный официальный текст Конституции Казахстана, действовавший на конец выбранного дня, с изменениями каждой статьи.
constitution-as-of = В редакции, действовавшей на конец дня { $date }.
constitution-official = Официальный текст на русском языке, дословно по указанной ниже копии. Пересказы в других разделах сайта — наши.
constitution-source-1995 = Конституция от 30 августа 1995 года в редакции после законов от 8 июня и 17 сентября 2022 года (копия консолидированного текста в стиле adilet). Утратила силу 1 июля 2026 года.
constitution-source-2026 = Конституция, принятая на референдуме 15 марта 2026 года, в тексте, опубликованном 12 февраля 2026 года; действует с 1 июля 2026 года.
constitution-new-adopted = Новая Конституция принята на референдуме 15 марта 2026 года и вступает в силу 1 июля 2026 года; тогда этот текст утрачивает силу.
constitution-read-2026 = Текст Конституции 2026 года.
constitution-ceased = Конституция 1995 года со всеми поправками 2022 года утратила силу 1 июля 2026 года (пункт 1 статьи 94).
constitution-read-1995 = Конституция 1995 года в редакции последнего дня её действия.
constitution-before-record = До 8 июня 2022 года: положения, не изменённые законами 2022 года, показаны в редакции 2022 года; более ранние поправки (1998–2019) здесь не отражены.
constitution-date-label = Текст, действовавший на конец дня
constitution-date-show = Показать
constitution-history = { $count ->
    [one] { $count } изменение статьи
    [few] { $count } изменения статьи
   *[other] { $count } изменений статьи
}
constitution-point = пункт { $point }
constitution-amendment-page = страница поправки
constitution-new-provision = Новое положение: прежней редакции не было.
constitution-no-redline = Сравнения нет: прежняя редакция не найдена в проверенных источниках.
constitution-pending = Принято, вступает в силу { $date }:
constitution-not-yet = В этот день ещё не действовало.
fidelity-derived = Восстановленная редакция: получена обратной заменой слов, внесённой законом 2022 года; это не цитата прежнего текста.
fidelity-derived-short = Прежняя редакция восстановлена:
fidelity-unknown = Редакция на этот день не найдена в проверенных источниках (прежние редакции есть на adilet.zan.kz).
act-law-2022-06-08 = Закон от 8 июня 2022 года (референдум 5 июня 2022 года)
act-law-2022-09-17 = Закон от 17 сентября 2022 года № 142-VII

wording-ours = Наш пересказ изменения простыми словами; это не официальный текст (он выше).
official-title = Официальный текст
official-intro = Пункт закона и текст Конституции до и после него — дословно по официальным текстам, указанным в источниках. Не найденная редакция показана как не найденная; восстановленная по изменению, внесённому самим законом, помечена как восстановленная.
official-point = Пункт { $point } статьи 1 Закона от 8 июня 2022 года
official-before = До
official-after = После
official-in-force-from = действует с { $date }
official-redline = Что изменил пункт, слово за словом: удалённые слова зачёркнуты и помечены «удалено»; добавленные подчёркнуты и помечены «добавлено».
official-changed-again = Снова изменено Законом от 17 сентября 2022 года № 142-VII (действует с { $date }):
fidelity-derived-label = восстановлено, не цитата
fidelity-official-label = официальный текст
provision-article = Статья { $number }
provision-paragraph = пункт { $number }
provision-subparagraph = подпункт { $number }
provision-list = перечень { $number }
provision-part = часть { $number }
provision-intro = вводная часть
provision-section = Раздел { $number }

dataset-provisions = Положения Конституции
dataset-provisions-description = Все положения Конституций 1995 и 2026 годов в порядке текста, с идентификатором в стиле Akoma Ntoso, видом и номером.
dataset-provision-versions = Редакции положений
dataset-provision-versions-description = Каждая редакция каждого положения: дни действия, акт, которым она введена, и её достоверность (официальная, восстановленная или не найденная — тогда текст пуст).
dataset-law-points = Пункты закона 2022 года
dataset-law-points-description = 35 пунктов статьи 1 Закона от 8 июня 2022 года дословно, с положениями, которые изменяет каждый.

data-akn-title = Официальные тексты в формате Akoma Ntoso
data-akn = Каждая редакция Конституции с даты её вступления в силу и Закон от 8 июня 2022 года в формате Akoma Ntoso 3.0 (OASIS LegalDocML): у каждого положения есть eId, изменения 2022 года записаны как модификации, а не найденные в источниках редакции помечены как пропущенные. Эти файлы не являются официальной публикацией.

compare-title = Сравнение Конституции на две даты
compare-description = Все положения Конституции, редакция которых различается на две даты, слово за словом.
compare-between = Положения, редакция которых на конец дня { $from }
compare-and = отличается от редакции на конец дня { $to }.
compare-from = С конца дня
compare-to = по конец дня
compare-different-documents = Эти даты относятся к разным конституциям: к тексту 1995 года до 30 июня 2026 года и к тексту 2026 года с 1 июля 2026 года. Официальной таблицы соответствия их статей нет, поэтому сравнение по положениям не приводится.
compare-none = На эти две даты редакции всех положений совпадают.
compare-count = { $count ->
    [one] Различается { $count } положение.
    [few] Различаются { $count } положения.
   *[other] Различаются { $count } положений.
}
compare-absent = В этот день в тексте отсутствует.
error-compare-dates = Даты для сравнения задаются так: from=ГГГГ-ММ-ДД и to=ГГГГ-ММ-ДД.
compare-link = Сравнить текст на две даты
constitution-akn-link = Этот текст в формате Akoma Ntoso XML
search-kind-provision = Официальный текст Конституции
