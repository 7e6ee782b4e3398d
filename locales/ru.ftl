## Русский. Плейсхолдеры должны совпадать с другими локалями (tests/unit/test_locales.py).
## Тексты отправляются с HTML-разметкой: < > & пишутся как &lt; &gt; &amp;.

## Старт и язык

start-greeting =
    👋 Здравствуйте! Этот бот помогает гражданам наблюдать за парламентскими слушаниями в Узбекистане: смотреть ближайшие слушания, записываться наблюдателем, получать напоминания и отправлять отчёты.

    Выберите язык интерфейса:
language-choose = Выберите язык интерфейса:
language-name-uz = Oʻzbekcha
language-name-uz-Cyrl = Ўзбекча
language-name-ru = Русский
language-name-en = English
language-changed = Язык интерфейса: русский.
language-button-current = ✓ { $language }

## Согласие

consent-text =
    <b>Согласие на обработку персональных данных</b>

    Чтобы зарегистрировать вас волонтёром, мы храним ваше имя и фамилию, номер телефона, регион и интересы. Номер телефона видят только координаторы движения: он нужен им для организации слушаний. Мы никому не передаём ваши данные.

    Посмотреть свои данные можно командой /profile, удалить их в любой момент — командой /forget.

    Вы согласны?
consent-accept = ✅ Согласен(на)
consent-decline = ✖️ Не согласен(на)
consent-declined =
    Понятно. Мы не сохранили о вас никаких персональных данных.

    Без регистрации вы можете читать /help и менять язык (/language). Если передумаете, отправьте /start.
consent-use-buttons = Пожалуйста, ответьте кнопками «Согласен(на)» или «Не согласен(на)» выше.

## Имя

ask-name = Напишите, пожалуйста, ваши имя и фамилию, например: <i>Дилноза Каримова</i>.
name-not-text = Пожалуйста, отправьте имя текстом, а не стикером, картинкой или файлом.
name-too-short = Имя слишком короткое: нужно хотя бы 2 буквы.
name-too-long =
    Имя слишком длинное: { $length ->
        [one] вы отправили { $length } символ
        [few] вы отправили { $length } символа
       *[many] вы отправили { $length } символов
    }, а можно не больше { $max }.
name-bad-characters = В имени могут быть только буквы (латиница или кириллица), пробелы, апострофы (как в Oʻgʻli) и дефисы. Напишите его ещё раз.
name-is-command = Это команда, а не имя. Напишите ваши имя и фамилию или отправьте /cancel, чтобы прервать.

## Телефон

ask-phone = Поделитесь номером телефона кнопкой ниже или напишите его, например <code>+998 90 123 45 67</code>.
phone-share-button = 📱 Поделиться контактом
phone-foreign-contact = Это чужой контакт. Пожалуйста, поделитесь своим номером кнопкой «Поделиться контактом».
phone-invalid = Это не похоже на действительный номер телефона. Напишите его в виде <code>+998 90 123 45 67</code> или нажмите кнопку ниже.
phone-not-text = Пожалуйста, поделитесь контактом кнопкой ниже или напишите номер.
phone-saved = 📱 Номер телефона сохранён.

## Регион

ask-region = В каком регионе вы живёте?
region-use-buttons = Пожалуйста, выберите регион кнопками выше.
region-QR = Республика Каракалпакстан
region-AN = Андижанская область
region-BU = Бухарская область
region-JI = Джизакская область
region-QA = Кашкадарьинская область
region-NW = Навоийская область
region-NG = Наманганская область
region-SA = Самаркандская область
region-SU = Сурхандарьинская область
region-SI = Сырдарьинская область
region-TO = Ташкентская область
region-FA = Ферганская область
region-XO = Хорезмская область
region-TK = город Ташкент

## Интересы

ask-interests = В чём вы хотели бы участвовать? Выберите одно или несколько направлений и нажмите «Готово».
interests-done =
    { $count ->
        [0] Готово
       *[other] Готово (выбрано: { $count })
    }
interests-none = Выберите хотя бы одно направление.
interests-use-buttons = Пожалуйста, выберите интересы кнопками выше и нажмите «Готово».
interest-hearings = Наблюдение за парламентскими слушаниями
interest-councils = Общественные советы
interest-reforms = Мониторинг реформ
interest-drafting = Разработка законопроектов
interest-ngo = Поддержка ННО
interest-events = Мероприятия и просвещение

## Проверка и исправление

summary =
    <b>Проверьте, пожалуйста, ваши данные</b>

    { profile-fields }
profile-fields =
    Имя: { $name }
    Телефон: { $phone }
    Регион: { $region }
    Интересы: { $interests }
    Язык: { $language }
summary-confirm = ✅ Подтвердить
summary-edit = ✏️ Исправить
summary-use-buttons = Пожалуйста, подтвердите данные или нажмите «Исправить» кнопками выше.
edit-which = Что вы хотите изменить?
field-name = Имя
field-phone = Телефон
field-region = Регион
field-interests = Интересы
button-back = ⬅️ Назад
registration-complete = 🎉 Добро пожаловать, { $name }! Вы зарегистрированы как волонтёр.

## Главное меню

main-menu = Что вы хотите сделать?
menu-hearings = 🏛 Ближайшие слушания
menu-my = 🗓 Мои записи
menu-profile = 👤 Мой профиль
menu-language = 🌐 Язык
menu-help = ❓ Помощь

## Профиль

profile =
    <b>Ваш профиль</b>

    { profile-fields }
    Дата регистрации: { $registered }
profile-saved = ✅ Сохранено.
profile-edit-hint = Нажмите на то, что хотите изменить.
not-registered = Вы ещё не зарегистрированы. Регистрация займёт около минуты.
register-button = 📝 Зарегистрироваться
already-registered = Вы уже зарегистрированы.

## Удаление данных

forget-confirm =
    Будут удалены ваши имя, номер телефона, регион, интересы и согласие. Отправленные вами отчёты останутся, но без вашего имени.

    Удалить ваши персональные данные?
forget-yes = 🗑 Да, удалить
forget-no = Оставить данные
forget-done =
    Готово. Ваши имя, номер телефона, регион, интересы и согласие удалены.

    Мы оставили только язык интерфейса, чтобы бот мог отвечать вам на нём; ничего, что указывает на вас лично. Чтобы зарегистрироваться снова, отправьте /start.
forget-kept = Ничего не удалено.
forget-nothing = У нас нет ваших персональных данных.

## Помощь, отмена и ошибки

help =
    <b>Что делает этот бот</b>
    Граждане наблюдают за слушаниями Олий Мажлиса (Законодательной палаты и Сената) и общественных советов и сообщают, насколько они были открытыми.

    /start — регистрация или главное меню
    /hearings — ближайшие слушания: запись наблюдателем
    /my — слушания, на которые вы записались
    /report — написать отчёт наблюдателя после слушания
    /profile — посмотреть и изменить ваши данные
    /language — сменить язык интерфейса
    /forget — удалить ваши персональные данные
    /cancel — прервать текущее действие
    /help — это сообщение
cancel-done = Отменено. Отправьте /start, когда будете готовы.
cancel-nothing = Отменять нечего.
button-stale = Эта кнопка больше не действует.
unknown-command = Я не знаю такой команды. Смотрите /help.
unknown-command-in-form = Я не знаю такой команды, поэтому не принял её как ответ. Ответьте на вопрос выше или отправьте /cancel, чтобы прервать.
unexpected-input = Я не понял сообщение. Отправьте /start, чтобы открыть меню, или /help.
error-generic = Извините, у нас что-то пошло не так. Попробуйте ещё раз через минуту.
group-private-only = Напишите мне, пожалуйста, в личные сообщения: { $link }

## Меню команд (описания до 256 символов)

cmd-start = Регистрация или главное меню
cmd-hearings = Ближайшие слушания
cmd-my = Мои записи
cmd-report = Написать или продолжить отчёт наблюдателя
cmd-newhearing = Создать слушание (координаторы)
cmd-reports = Отчёты на проверку (координаторы)
cmd-broadcast = Сообщение волонтёрам (координаторы)
cmd-export = Выгрузить данные в таблицу (координаторы)
cmd-stats = Статистика и графики (координаторы)
cmd-help = Что делает бот
cmd-language = Сменить язык интерфейса
cmd-profile = Мой профиль
cmd-cancel = Прервать текущее действие
cmd-forget = Удалить мои персональные данные

## Слушания: список и карточка

chamber-legislative = Законодательная палата Олий Мажлиса
chamber-senate = Сенат Олий Мажлиса
chamber-other = Другой орган (общественный совет, министерство…)
hearings-empty = Ближайших слушаний пока нет. О новых мы сообщим здесь.
hearings-title = <b>Ближайшие слушания</b> (страница { $page } из { $pages })
hearings-item =
    <b>{ NUMBER($number, useGrouping: 0) }. { $title }</b>
    🗓 { $when }
    🏛 { $chamber } · { $committee }
    { $seats ->
        [0] 🪑 мест нет — открыт лист ожидания
        [one] 🪑 осталось { $seats } место
        [few] 🪑 осталось { $seats } места
       *[many] 🪑 осталось { $seats } мест
    }
button-previous = ◀️ Назад
button-next = Дальше ▶️
hearing-card =
    <b>{ $title }</b>

    🗓 { $when }
    🏛 { $chamber }
    👥 { $committee }
    📍 { $address }
    🪑 { $left ->
        [0] Все места заняты
       *[other] Свободно { $left } из { $seats }
    }{ $waiting ->
        [0] {""}
       *[other] , в листе ожидания: { $waiting }
    }
    🔗 { $link }
hearing-status-none = Вы не записаны.
hearing-status-confirmed = ✅ Вы записаны наблюдателем.
hearing-status-waiting = 🕒 Вы { $position }-й в листе ожидания.
hearing-status-started = Слушание уже началось, запись закрыта.
hearing-status-cancelled = 🚫 Слушание отменено: { $reason }
hearing-button-signup = ✅ Записаться
hearing-button-wait = 🕒 В лист ожидания
hearing-button-leave = ✖️ Отменить запись
hearing-button-calendar = 📅 В календарь
hearing-button-share = 📤 Поделиться
hearing-button-back = ◀️ Все слушания
hearing-button-open = Открыть слушание
hearing-button-edit = ✏️ Изменить
hearing-button-stop = 🚫 Отменить слушание
hearing-button-people = 👥 Кто записался
hearing-not-found = Такого слушания нет (больше нет).
hearing-is-cancelled = Это слушание отменено.
hearing-has-started = Это слушание уже началось.
ics-caption = Откройте файл, чтобы добавить слушание в календарь.

## Запись

signup-confirmed = ✅ Вы записаны на «{ $title }». Мы напомним перед началом.
signup-waiting = На «{ $title }» мест нет. Вы { $position }-й в листе ожидания; если место освободится, мы сразу сообщим.
signup-already = Вы уже записаны.
signup-cancelled = Ваша запись на «{ $title }» отменена.
signup-none = Вы не записаны на это слушание.
signup-promoted = 🎉 Освободилось место: теперь вы записаны на «{ $title }».
my-empty = Вы не записаны ни на одно ближайшее слушание. Смотрите /hearings.
my-title = <b>Ваши записи</b>
my-item =
    <b>{ $title }</b>
    🗓 { $when } — { $status }
my-confirmed = ✅ записаны
my-waiting = 🕒 { $position }-й в листе ожидания
my-under-way = 🔴 идёт сейчас: откройте, чтобы отправить срочное сообщение
my-report-due = 📝 завершилось: ждём ваш отчёт

## Напоминания

reminder =
    🔔 <b>{ $title }</b> начнётся через { $left }.
    🗓 { $when }
    📍 { $address }

    Вы придёте?
reminder-coming = 👍 Приду
reminder-not-coming = ✖️ Не смогу
attend-already = Вы уже ответили, спасибо.
attend-coming = Спасибо! До встречи на «{ $title }».
attend-not-coming = Спасибо, что предупредили. Ваше место на «{ $title }» освобождено для другого участника.

## Координаторы: создание и изменение слушания

coordinators-only = Это доступно только координаторам.
form-ask-title = <b>Новое слушание</b> (чтобы прервать, отправьте /cancel)

    Как называется слушание?
form-ask-chamber = Какая палата или орган его проводит?
form-ask-body = Как называется орган? Например: <i>Общественный совет при Министерстве юстиции</i>.
form-ask-committee = Какой комитет? Выберите из прежних или напишите название.
form-ask-starts = Когда начало? Дата и время ({ $zone }), например <code>05.12.2026 10:00</code> или <code>2026-12-05 10:00</code>.
form-ask-ends = Когда окончание? Время, например <code>12:30</code>, или нажмите «Пропустить».
form-ask-address = Какой адрес?
form-ask-location = Отправьте место геопозицией (📎 → Геопозиция) или нажмите «Пропустить».
form-ask-seats = Сколько мест для наблюдателей? Отправьте число.
form-ask-description = Описание для наблюдателей (повестка, вход, что взять с собой) или «Пропустить».
form-ask-reason = Почему «{ $title }» отменяется? Причину получат все записавшиеся.
form-skip = Пропустить ⏭
form-use-buttons = Пожалуйста, воспользуйтесь кнопками выше.
form-location-use = Пожалуйста, отправьте геопозицию (📎 → Геопозиция) или нажмите «Пропустить».
form-date-unreadable = Не удалось прочитать дату. Напишите её так: <code>05.12.2026 10:00</code>.
form-date-past = Этот момент уже прошёл. Укажите будущие дату и время.
form-date-too-far = Это слишком далеко: планировать можно не больше чем на { $years ->
        [one] { $years } год
        [few] { $years } года
       *[many] { $years } лет
    } вперёд. Проверьте год.
form-end-before-start = Окончание должно быть позже начала. Укажите более позднее время.
form-not-text = Пожалуйста, отправьте текст.
form-text-length = Нужно от { $min } до { $max } символов (у вас { $length }).
form-seats-invalid = Отправьте целое число мест от 1 до { $max }.
form-preview-title = <b>Предпросмотр</b>: так слушание увидят волонтёры.
form-preview =
    <b>{ $title }</b>

    🗓 { $when }
    🏛 { $chamber }
    👥 { $committee }
    📍 { $address } ({ $location })
    🪑 { $seats }

    { $description }
form-preview-pin = метка { $latitude }, { $longitude }
form-preview-no-pin = без метки на карте
form-publish = ✅ Опубликовать
form-edit = ✏️ Изменить
form-discard = 🗑 Удалить черновик
form-discarded = Черновик удалён.
form-edit-which = Что вы хотите изменить?
form-field-title = Название
form-field-chamber = Палата
form-field-committee = Комитет
form-field-starts-at = Начало
form-field-ends-at = Окончание
form-field-address = Адрес
form-field-location = Метка на карте
form-field-seats = Места
form-field-description = Описание
hearing-published = ✅ Опубликовано. Ссылка, чтобы поделиться: { $link }
hearing-saved = ✅ Сохранено.
hearing-changed =
    ⚠️ <b>{ $title }</b>: изменения.
    🗓 { $when }
    📍 { $address }
hearing-cancelled-notice = 🚫 Слушание «{ $title }» отменено. Причина: { $reason }
hearing-cancelled-done =
    Слушание отменено. { $count ->
        [0] Никто не был записан.
        [one] Уведомление для { $count } человека в очереди; я сообщу, когда оно уйдёт.
        [few] Уведомления для { $count } человек в очереди; я сообщу, когда они уйдут.
       *[many] Уведомления для { $count } человек в очереди; я сообщу, когда они уйдут.
    }
hearing-cancelled-outcome = Об отмене «{ $title }» сообщено { $sent } из { $total }.
people-title = <b>{ $title }</b>: занято { $confirmed } из { $seats }, в ожидании { $waiting }
people-confirmed = <b>Записаны</b>
people-waiting = <b>Лист ожидания</b>
people-line = { NUMBER($number, useGrouping: 0) }. { $name } — { $phone }
people-anonymous = (удалил(а) свои данные)
people-none = Пока никто не записался.

## attendance
hearing-button-checkin = 📷 QR-код для отметки
checkin-button-replace = 🔄 Заменить код
checkin-poster-hint = Отсканируйте камерой телефона, чтобы отметить, что вы пришли
checkin-caption =
    <b>Код для отметки: { $title }</b>
    Действует с { $opens } до { $closes }. Распечатайте его или покажите на экране у входа; наблюдатели сканируют его камерой телефона.
    Ссылка: { $link }
    Если код попал не туда, замените его: старый сразу перестанет работать.
checkin-replaced = Старый код больше не работает. Новый — ниже.
checkin-done = ✅ Добро пожаловать! Ваше присутствие на «{ $title }» отмечено. Спасибо за наблюдение.
checkin-again = Ваше присутствие на «{ $title }» уже отмечено в { $time }.
checkin-waiting = Вы в листе ожидания на «{ $title }» (место { NUMBER($position, useGrouping: 0) }), поэтому присутствие не отмечено. Подойдите, пожалуйста, к координатору у входа.
checkin-not-signed-up = Вы не записаны на «{ $title }», поэтому присутствие не отмечено. Подойдите, пожалуйста, к координатору у входа.
checkin-code-invalid = Этот код для отметки недействителен (больше не действует). Отсканируйте код у входа или спросите координатора.
checkin-not-open = Отметка открывается за час до начала слушания. Отсканируйте код ещё раз в это время.
checkin-closed = Отметка на это слушание закрыта.
checkin-code-replaced = Этот код уже заменён: используйте самый новый.
attendance-button-mark = ✍️ Отметить пришедших
attendance-title =
    <b>Кто пришёл: { $title }</b>
    Отмечено { $attended } из { $confirmed }. Нажмите на имя, чтобы поставить или снять отметку (страница { $page } из { $pages }).
attendance-not-yet = Отмечать присутствие можно за час до начала.
attendance-not-seated = У этого человека больше нет места на этом слушании.
hearing-button-report = 📝 Написать отчёт
hearing-button-urgent = 🚨 Срочное сообщение

## Отчёты: наблюдатель

report-not-allowed = Отчёт можно написать о слушании, на которое вы были записаны, с его начала и до 14 дней после. Смотрите /my.
report-not-found = Этот отчёт больше не открыт. Отправьте /report, чтобы продолжить свой.
report-locked = Этот отчёт принят координатором и больше не может быть изменён.
report-choose-hearing = О каком слушании ваш отчёт?
report-progress = <b>Вопрос { NUMBER($number, useGrouping: 0) } из { $total }</b>
report-current = Ваш ответ сейчас: { $answer }
report-type-number = Отправьте число от { $min } до { $max }.
report-type-text = Напишите ответ (до { $max } символов).
report-use-buttons = Пожалуйста, ответьте кнопками выше.
report-answer-number = Пожалуйста, отправьте целое число от { $min } до { $max }.
report-yes = Да
report-no = Нет
report-skipped = —
report-files-prompt =
    <b>Заметки и файлы</b>
    Отправьте заметки текстом, в любом количестве сообщений (всего до { $max_notes } символов; сейчас { $notes }), а также фото, документы, голосовые сообщения, видео или геопозицию (до { $max_files }; сейчас { $files }).

    Всё сохраняется сразу. Нажмите «Готово», чтобы проверить отчёт.
report-files-done = ✅ Готово: проверить отчёт
report-note-saved = 📝 Заметка сохранена ({ $length } из { $max } символов).
report-sent-changed = ✏️ Этот отчёт уже отправлен: изменения дойдут до координаторов, когда вы нажмёте «Готово», а затем «Отправить».
report-notes-full = Заметки превысили бы { $max } символов; осталось { $left }. Отправьте сообщение покороче.
report-file-saved = 📎 Сохранено. Вложений: { $count } из { $max }.
report-album-saved = 🖼 Альбом получен: сохраняю его файлы.
report-files-full = Достигнут предел: { $max } вложений в одном отчёте.
report-album-full = В отчёте помещается не больше { $max } вложений: файлы альбома сверх этого не сохранены.
report-files-unsupported = Пожалуйста, отправьте текст, фото, документ, голосовое сообщение, видео или геопозицию.
report-review =
    <b>Ваш отчёт: { $title }</b>

    { $answers }

    <b>Заметки:</b> { $notes }
    <b>Вложения:</b> { $files }
report-review-unsent = ✏️ Отчёт изменён после отправки: нажмите «Отправить», чтобы изменения дошли до координаторов.
report-review-use-buttons = Пожалуйста, воспользуйтесь кнопками под отчётом: «Отправить», «Изменить» или «Удалить».
report-submit = 📨 Отправить
report-edit = ✏️ Изменить
report-edit-files = 📝 Заметки и файлы
report-discard = 🗑 Удалить
report-discard-yes = 🗑 Да, удалить черновик
report-discarded = Черновик удалён.
report-incomplete = На некоторые обязательные вопросы ещё нет ответа: сначала ответьте на них.
report-already-submitted = Отчёт № { NUMBER($number, useGrouping: 0) } уже у координаторов.
report-receipt =
    ✅ <b>Отчёт № { NUMBER($number, useGrouping: 0) } получен</b>
    { $when } ({ $utc })

    Отпечаток (SHA-256) того, что вы отправили:
    <code>{ $fingerprint }</code>

    Сохраните это сообщение: оно подтверждает содержание вашего отчёта.
report-nudge = 📝 Слушание «{ $title }» завершилось. Пожалуйста, напишите отчёт, пока помните подробности.
report-write = 📝 Написать отчёт
report-accepted = ✅ Ваш отчёт № { NUMBER($number, useGrouping: 0) } о «{ $title }» принят. Спасибо!
report-returned =
    ↩️ Координатор вернул ваш отчёт № { NUMBER($number, useGrouping: 0) } о «{ $title }» с комментарием:

    { $comment }

    Пожалуйста, исправьте его и отправьте снова.
report-edit-returned = ✏️ Исправить отчёт

## Анкета (forms/hearing_observation.toml)

report-q-started_on_time = Слушание началось вовремя?
report-short-started_on_time = Началось вовремя
report-q-open_to_public = Слушание было открытым для публики?
report-short-open_to_public = Открыто для публики
report-q-press_present = Журналистов пустили?
report-short-press_present = Пресса присутствовала
report-q-civil_society_spoke = Представителям гражданского общества дали выступить?
report-short-civil_society_spoke = Выступило гражданское общество
report-q-members_attended = Сколько депутатов (сенаторов) присутствовало?
report-short-members_attended = Присутствовало депутатов
report-q-documents_beforehand = Были ли документы доступны заранее?
report-short-documents_beforehand = Документы заранее
report-q-documents_beforehand-yes = Да, все
report-q-documents_beforehand-partly = Частично
report-q-documents_beforehand-no = Нет
report-q-openness = В целом насколько открытым было слушание, от 1 (закрытое) до 5 (полностью открытое)?
report-short-openness = Открытость (1–5)
report-q-openness-1 = 1
report-q-openness-2 = 2
report-q-openness-3 = 3
report-q-openness-4 = 4
report-q-openness-5 = 5
report-q-main_issue = Какой главный вопрос обсуждался? (необязательно)
report-short-main_issue = Главный вопрос

## Срочные сообщения

urgent-ask = 🚨 Срочное сообщение о «{ $title }»: опишите, что происходит, одним сообщением (можно приложить одно фото с подписью). Координаторы получат его сразу.
urgent-ask-again = Пожалуйста, отправьте сообщение текстом или фото с подписью. /cancel — отменить.
urgent-queued = 🚨 Принято. Отправляю координаторам; сообщу, когда они его получат.
urgent-sent = 🚨 Отправлено. Координаторы получили ваше сообщение.
urgent-not-delivered = Сообщение сохранено, но сейчас ни один координатор недоступен. Пожалуйста, также позвоните координатору.
urgent-not-now = Срочные сообщения доступны записанным наблюдателям — с часа до начала слушания и до его окончания.
urgent-card =
    🚨 <b>СРОЧНО</b> — { $title }
    От: { $observer }

    { $text }

## Отчёты: координаторы

review-card =
    📝 <b>Отчёт № { NUMBER($number, useGrouping: 0) }</b> — { $status }
    { $title }
    Наблюдатель: { $observer }

    { $answers }

    <b>Заметки:</b> { $notes }
    <b>Вложения:</b> { $files }
review-full =
    📝 <b>Отчёт № { NUMBER($number, useGrouping: 0) }</b> — { $status }
    { $title }
    Наблюдатель: { $observer }, { $phone }

    { $answers }

    Отпечаток: <code>{ $fingerprint }</code>
review-status-draft = черновик
review-status-submitted = 🕒 ждёт проверки
review-status-returned = ↩️ возвращён наблюдателю
review-status-accepted = ✅ принят
review-open = 📂 Открыть
review-accept = ✅ Принять
review-return = ↩️ Вернуть
review-sent-privately = Полный отчёт отправлен вам в личный чат с ботом.
review-private-first = Сначала откройте личный чат с ботом (нажмите там «Старт») и попробуйте снова.
review-ask-comment = ↩️ Возврат отчёта № { NUMBER($number, useGrouping: 0) }: напишите комментарий для наблюдателя одним сообщением.
review-comment-privately = Напишите комментарий в личном чате с ботом.
review-returned-done = Отчёт № { NUMBER($number, useGrouping: 0) } возвращён с вашим комментарием.
review-accepted-done = Принято. Наблюдатель получил уведомление.
review-already = Этот отчёт уже проверен.
review-changed = Наблюдатель изменил отчёт после отправки. Принять его можно после повторной отправки, а вернуть с комментарием — уже сейчас.
review-unsent-changes = ✏️ Наблюдатель изменил отчёт после отправки и не отправил его снова: здесь текущее содержание, которое отпечаток не подтверждает.
queue-empty = Отчётов пока нет.
queue-title = <b>Отчёты</b> (страница { $page } из { $pages }): сначала ждущие проверки
queue-item =
    <b>№ { NUMBER($number, useGrouping: 0) }</b> { $status }
    { $title } — { $observer }, { $when }
queue-open = № { NUMBER($number, useGrouping: 0) }
queue-all = Все слушания
hearing-button-map = 🗺 Карта
my-more = …и ещё { $count }: остальные смотрите в /hearings.

## Администраторы: координаторы и журнал действий

cmd-coordinators = Координаторы и журнал действий (администраторы)
admins-only = Это доступно только администраторам.
coord-title = <b>Координаторы</b> (администраторы из ADMIN_IDS — тоже координаторы)
coord-line = • { $name } (id { $id })
coord-none = Пока никто не назначен координатором.
coord-add = ➕ Добавить координатора
coord-remove = ➖ Убрать: { $name }
coord-ask = Перешлите любое сообщение этого человека или отправьте его числовой id в Telegram. Он должен быть зарегистрирован в боте.
coord-added = ✅ { $name } теперь координатор.
coord-removed = Готово. Доступ координатора отключён сразу.
coord-not-registered = Этот человек ещё не зарегистрирован в боте. Попросите его сначала отправить /start.
coord-already = Этот человек уже координатор (или администратор).
coord-bad-input = Не удалось понять, кто это (настройки приватности могут скрывать пересылку). Отправьте его числовой id в Telegram.
audit-button = 📜 Журнал действий
audit-title = <b>Журнал действий</b>: последние записи ({ $count })
audit-line = { $when } · { $actor } · { $action } · { $target }
audit-empty = Пока ничего не записано.

## Координаторы: рассылки

bc-ask-message =
    📣 <b>Новая рассылка</b>
    Пришлите сообщение точно таким, каким его должны получить волонтёры: текст с оформлением, фото или видео с подписью, документ или голосовое сообщение. Я скопирую его каждому.
    /cancel — отменить.
bc-unsupported = Такое сообщение нельзя разослать. Пришлите текст, фото или видео с подписью, документ, аудиофайл или голосовое сообщение.
bc-album = Альбом нельзя разослать одним сообщением. Пришлите одно фото или видео с подписью либо соберите файлы в документ.
bc-command = Это команда, а не сообщение для рассылки. Пришлите текст для волонтёров или /cancel.
bc-no-recipients = Под эту аудиторию никто не подходит (заблокировавшие бота и удалившие свои данные не учитываются). Измените аудиторию.
bc-not-found = Такой рассылки нет.
bc-ended = Эта рассылка уже завершена или остановлена.
bc-schedule-too-far = Это больше чем через год. Выберите дату поближе.
bc-audience-title = <b>Кому отправить?</b> Каждый выбор сужает аудиторию.
bc-audience-everyone = 👥 Все зарегистрированные
bc-audience-regions = 📍 Регионы: { $names }
bc-audience-languages = 🌐 Язык: { $names }
bc-audience-interests = ⭐ Интересы: { $names }
bc-audience-hearing-confirmed = 🏛 С подтверждённым местом на «{ $title }»
bc-audience-hearing-waiting = 🏛 В листе ожидания на «{ $title }»
bc-audience-hearing-both = 🏛 Записавшиеся на «{ $title }» (место или лист ожидания)
bc-audience-hearing-unreported = 🏛 Наблюдатели «{ $title }», не сдавшие отчёт
bc-audience-coordinators = 🛡 Только координаторы
bc-recipients =
    { $count ->
        [0] <b>Никто</b> не подходит.
        [one] <b>{ $count }</b> получатель.
        [few] <b>{ $count }</b> получателя.
       *[many] <b>{ $count }</b> получателей.
    }
bc-everyone = Все зарегистрированные
bc-choose-region =
    { $count ->
        [0] 📍 Регионы
       *[other] 📍 Регионы ({ $count })
    }
bc-choose-language =
    { $count ->
        [0] 🌐 Язык
       *[other] 🌐 Язык ({ $count })
    }
bc-choose-interest =
    { $count ->
        [0] ⭐ Интересы
       *[other] ⭐ Интересы ({ $count })
    }
bc-choose-hearing =
    { $chosen ->
        [0] 🏛 Слушание
       *[other] 🏛 Слушание ✅
    }
bc-coordinators = Только координаторы
bc-preview-button = 👁 Предпросмотр
bc-discard = ✖️ Отменить
bc-done = ✔️ Готово
bc-no-hearing = Любое слушание (убрать выбор)
bc-pick-hearing =
    { $count ->
        [0] Нет слушаний за последние 30 дней и впереди.
       *[other] Выберите слушание:
    }
bc-pick-part = Кому из участников «{ $title }»?
bc-part-confirmed = С подтверждённым местом
bc-part-waiting = Лист ожидания
bc-part-both = Место и лист ожидания
bc-part-unreported = Наблюдатели, не сдавшие отчёт
bc-preview-above = ⬆️ Именно так сообщение увидят получатели.
bc-send-now = 📤 Отправить сейчас
bc-schedule = 🕒 Запланировать
bc-change-audience = 👥 Изменить аудиторию
bc-source-gone = Исходное сообщение удалено, скопировать его больше нельзя. Пришлите сообщение ещё раз.
bc-created = 📣 Рассылка № { NUMBER($id, useGrouping: 0) } отправляется: { $count ->
        [one] { $count } получатель
        [few] { $count } получателя
       *[many] { $count } получателей
    }. Ход отправки — ниже.
bc-ask-time = Когда отправить? Пришлите дату и время (местное время), например <code>{ $example }</code>.
bc-scheduled = 🕒 Рассылка № { NUMBER($id, useGrouping: 0) } уйдёт { $when }. Аудитория будет подсчитана в этот момент.
bc-discarded = Отменено. Ничего не отправлено.
bc-queued = 📣 Рассылка № { NUMBER($id, useGrouping: 0) } (получателей: { $total }) { $ahead ->
        [0] скоро начнётся.
        [one] ждёт, пока закончится { $ahead } рассылка перед ней.
        [few] ждёт, пока закончатся { $ahead } рассылки перед ней.
       *[many] ждёт, пока закончатся { $ahead } рассылок перед ней.
    }
bc-progress =
    📣 <b>Рассылка № { NUMBER($id, useGrouping: 0) }</b>: идёт отправка
    ✅ Доставлено: { $sent }
    🚫 Недоступны: { $unreachable }
    ⚠️ Ошибки: { $failed }
    ⏳ Осталось: { $remaining } из { $total }
    Ожидаемое окончание около { $finish }.
bc-summary-done =
    📣 <b>Рассылка № { NUMBER($id, useGrouping: 0) }</b>: завершена
    ✅ Доставлено: { $sent } из { $total }
    🚫 Недоступны (заблокировали бота или удалили аккаунт): { $unreachable }
    ⚠️ Ошибки: { $failed }
    ❔ Неизвестно (Telegram не ответил вовремя; повторно не отправлялось): { $uncertain }
bc-summary-cancelled =
    📣 <b>Рассылка № { NUMBER($id, useGrouping: 0) }</b>: остановлена
    ✅ Доставлено: { $sent } из { $total }
    🚫 Недоступны: { $unreachable }
    ⚠️ Ошибки: { $failed }
    ❔ Неизвестно: { $uncertain }
    ✖️ Не отправлено: { $not_sent }
bc-summary-failed =
    📣 <b>Рассылка № { NUMBER($id, useGrouping: 0) }</b>: остановлена, потому что исходное сообщение удалено и его нельзя скопировать.
    ✅ Доставлено: { $sent } из { $total }
    🚫 Недоступны: { $unreachable }
    ⚠️ Ошибки: { $failed }
    ❔ Неизвестно: { $uncertain }
    ✖️ Не отправлено: { $not_sent }
bc-finished = 📣 Рассылка № { NUMBER($id, useGrouping: 0) } завершена: доставлено { $sent } из { $total }.
bc-stop = ⏹ Остановить рассылку
bc-stopped = Рассылка № { NUMBER($id, useGrouping: 0) } остановлена.
bc-failures-button = 📄 Кто не получил (CSV)
bc-failures-filename = рассылка-{ NUMBER($id, useGrouping: 0) }-не-получили.csv
bc-failures-caption =
    { $count ->
        [one] Рассылка № { NUMBER($id, useGrouping: 0) }: { $count } получатель не получил сообщение, с причинами.
        [few] Рассылка № { NUMBER($id, useGrouping: 0) }: { $count } получателя не получили сообщение, с причинами.
       *[many] Рассылка № { NUMBER($id, useGrouping: 0) }: { $count } получателей не получили сообщение, с причинами.
    }
bc-col-user = Telegram id
bc-col-name = Имя
bc-col-outcome = Итог
bc-col-reason = Причина
bc-col-attempts = Попыток
bc-col-time = Время
bc-outcome-pending = не отправлено
bc-outcome-unreachable = недоступен
bc-outcome-failed = ошибка
bc-outcome-uncertain = неизвестно

## stats
stats-title = 📊 <b>Статистика</b>
stats-volunteers = 👥 <b>Волонтёров: { $total }</b>, новых за последние 7 дней: { $count }
stats-region-line = • { $region }: { $count }
stats-hearings = 🏛 <b>Слушания</b>
stats-hearings-upcoming = Предстоящие: { $count }
stats-hearings-past = Прошедшие: { $count }
stats-seats-filled = Занято мест на предстоящих слушаниях: { $confirmed } из { $seats }
stats-attendance = Явка на прошедших слушаниях: пришли { $count } из { $confirmed } записанных ({ $number }%)
stats-attendance-none = Явка на прошедших слушаниях: записанных пока не было
stats-reports = 📝 <b>Отчёты</b>
stats-reports-submitted = Отправлено: { $count }
stats-reports-waiting = Ждут проверки: { $count }
stats-reports-returned = Возвращены наблюдателю: { $count }
stats-reports-accepted = Приняты: { $count }
stats-broadcast = 📣 Последняя рассылка № { NUMBER($number, useGrouping: 0) }: доставлено { $count } из { $total }
stats-broadcast-none = 📣 Рассылок ещё не было.
stats-refresh = 🔄 Обновить
stats-by-hearing = 🏛 По слушаниям
stats-choose-hearing = Выберите слушание, чтобы увидеть сводку и график ответов:
stats-no-hearings = Слушаний пока нет.
stats-hearing-choice = { $when } · { $title }
stats-hearing-button = 📊 Статистика
stats-hearing-title =
    📊 <b>{ $title }</b>
    { $when }
stats-hearing-seats = Мест: { $seats }
stats-hearing-confirmed = Записаны: { $confirmed }
stats-hearing-waiting = В листе ожидания: { $waiting }
stats-hearing-coming = Ответили «Приду»: { $count }
stats-hearing-attended = Пришли: { $count }
stats-hearing-reports = <b>Отчёты</b>
stats-report-draft = Черновики: { $count }
stats-report-submitted = Ждут проверки: { $count }
stats-report-returned = Возвращены: { $count }
stats-report-accepted = Приняты: { $count }
stats-hearing-no-answers = Отправленных отчётов пока нет, поэтому графика ответов нет.
chart-regions-title = Волонтёры по регионам
chart-weeks-title = Новые волонтёры по неделям (начало недели)
chart-hearings-title = Недавние слушания: места, записаны, пришли
chart-seats = Места
chart-confirmed = Записаны
chart-attended = Пришли
chart-funnel-title = Отчёты: от места до принятия
chart-funnel-expected = Места на прошедших слушаниях
chart-funnel-started = Начато отчётов
chart-funnel-submitted = Отправлено
chart-funnel-accepted = Принято
chart-answers-title =
    { $count ->
        [one] { $title }: ответы чек-листа из { $count } отчёта
        [few] { $title }: ответы чек-листа из { $count } отчётов
       *[many] { $title }: ответы чек-листа из { $count } отчётов
    }
chart-no-data = Данных пока нет

## exports
export-choose-dataset = <b>Выгрузка данных</b>: что выгрузить?
export-dataset-volunteers = 👥 Волонтёры
export-dataset-signups = 🪑 Записи и посещаемость
export-dataset-reports = 📝 Отчёты
export-dataset-broadcasts = 📣 Рассылки
export-dataset-audit = 🛡 Журнал действий
export-choose-filter = <b>{ $title }</b>: какие строки?
export-filter-all = Все
export-filter-recent = За последние 30 дней
export-filter-hearing = Одно слушание…
export-choose-hearing = <b>{ $title }</b>: выберите слушание.
export-no-hearings = Слушаний пока нет.
export-choose-format = <b>{ $title }</b>: выберите формат файла.
export-format-xlsx = 📊 Excel (XLSX)
export-format-csv = 📄 CSV
export-working = ⏳ Готовлю файл: { $title }…
export-done = ✅ { $title }: { $count ->
    [one] { $count } строка
    [few] { $count } строки
    [many] { $count } строк
   *[other] { $count } строки
}.
export-zipped = Файл больше лимита Telegram в 50 МБ, поэтому он упакован в zip.
export-split = Файл больше лимита Telegram в 50 МБ даже в zip, поэтому он разделён на { $count } части: сохраните их в одну папку, соедините (cat в Linux и macOS, 7-Zip в Windows) и распакуйте. Или попросите администратора выгрузить его на сервере: python -m bot export.
export-anonymous = (анонимно)
export-sheet-volunteers = Волонтёры
export-sheet-signups = Записи
export-sheet-reports = Отчёты
export-sheet-events = События отчётов
export-sheet-broadcasts = Рассылки
export-sheet-audit = Журнал действий
export-sheet-walk-ins = Отметки без места
export-col-scan-id = Отметка №
export-col-scan = Результат
export-scan-waiting = в листе ожидания
export-scan-not_signed_up = не записан(а)
export-col-user-id = Telegram id
export-col-name = Имя
export-col-phone = Телефон
export-col-region = Регион
export-col-language = Язык
export-col-interests = Интересы
export-col-registered-at = Зарегистрирован
export-col-consent-version = Версия согласия
export-col-reachable = Доступен
export-col-unreachable-since = Недоступен с
export-col-signup-id = № записи
export-col-hearing-id = № слушания
export-col-hearing = Слушание
export-col-hearing-starts = Начало слушания
export-col-status = Статус
export-col-waiting-place = Место в листе ожидания
export-col-answer = Ответ на напоминание
export-col-attended = Пришёл
export-col-attended-at = Время отметки
export-col-attended-via = Как отмечен
export-col-marked-by = Отметил (id)
export-col-signed-up-at = Записался
export-col-updated-at = Последнее изменение
export-col-report-id = № отчёта
export-col-observer = Наблюдатель
export-col-form-version = Версия формы
export-col-submitted-at = Отправлен
export-col-notes = Заметки
export-col-attachments = Вложения
export-col-file-ids = Id файлов
export-col-reviewer-id = Id проверяющего
export-col-reviewer = Проверяющий
export-col-reviewed-at = Проверен
export-col-fingerprint = Отпечаток
export-col-event-id = № события
export-col-event = Событие
export-col-actor-id = Кто (id)
export-col-actor = Кто
export-col-comment = Комментарий
export-col-at = Время
export-col-broadcast-id = № рассылки
export-col-author-id = Id автора
export-col-author = Автор
export-col-audience = Аудитория
export-col-created-at = Создана
export-col-scheduled-for = Запланирована на
export-col-started-at = Начата
export-col-finished-at = Завершена
export-col-recipients = Получателей
export-col-outcome-sent = Доставлено
export-col-outcome-unreachable = Недоступны
export-col-outcome-failed = Ошибка
export-col-outcome-uncertain = Неизвестно
export-col-outcome-pending = Не отправлено
export-col-error = Ошибка рассылки
export-col-entry-id = № записи журнала
export-col-action = Действие
export-col-target = Объект
export-col-details = Подробности
export-signup-confirmed = записан
export-signup-waiting = лист ожидания
export-signup-cancelled = отменена
export-answer-coming = Приду
export-answer-not_coming = Не смогу прийти
export-via-qr = QR-код
export-via-hand = вручную
export-report-submitted = ждёт проверки
export-report-returned = возвращён
export-report-accepted = принят
export-event-submitted = отправлен
export-event-returned = возвращён
export-event-resubmitted = отправлен повторно
export-event-accepted = принят
export-broadcast-scheduled = запланирована
export-broadcast-queued = в очереди
export-broadcast-sending = отправляется
export-broadcast-done = завершена
export-broadcast-cancelled = остановлена
export-broadcast-failed = не удалась
export-audience-everyone = все зарегистрированные
export-audience-regions = регионы
export-audience-languages = языки
export-audience-interests = интересы
export-audience-hearing = слушание №
export-audience-coordinators = только координаторы

## operations
admin-error-notice =
    ⚠️ <b>Непредвиденная ошибка в боте</b>
    Обновление: { $update }
    Ошибка: <code>{ $error }</code>
    Где: <code>{ $where }</code>
    { $repeats ->
        [0] С прошлого уведомления не повторялась.
        [one] С прошлого уведомления повторилась ещё { $repeats } раз.
        [few] С прошлого уведомления повторилась ещё { $repeats } раза.
       *[many] С прошлого уведомления повторилась ещё { $repeats } раз.
    }
    Подробности — в журнале бота. Об ошибке одного вида сообщаем не чаще раза в 10 минут.

## demo

# The demo page (python -m bot demo): its own buttons and labels around the chat.
demo-title = Бот наблюдателей за слушаниями: демо
demo-intro = Попробуйте без Telegram: бот настоящий, люди и данные выдуманы.
demo-persona-volunteer = Волонтёр 1
demo-persona-volunteer2 = Волонтёр 2
demo-persona-coordinator = Координатор
demo-persona-admin = Администратор
demo-persona-group = Группа координаторов
demo-app-language = Язык приложения
demo-page-language = Язык страницы
demo-clock = Часы демо
demo-jump-hour = +1 час
demo-jump-day = +1 день
demo-jump-next = ⏭ Следующее напоминание
demo-next = Следующее напоминание:
demo-no-reminder = ничего не запланировано
demo-jumped = Часы переведены.
demo-message-placeholder = Сообщение
demo-send = Отправить
demo-attach = Прикрепить фото или файлы
demo-menu = Меню
demo-delete = Удалить
demo-edited = изменено
demo-empty-chat = Сообщений пока нет. Отправьте /start, чтобы начать.
demo-bot-name = Бот наблюдателей за слушаниями
demo-open-file = Открыть
