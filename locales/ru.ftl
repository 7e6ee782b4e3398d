## Русский. Плейсхолдеры должны совпадать с другими локалями (tests/unit/test_locales.py).
## Тексты отправляются с HTML-разметкой: < > & пишутся как &lt; &gt; &amp;.

## Старт и язык

start-greeting =
    👋 Здравствуйте! Этот бот помогает гражданам наблюдать за парламентскими слушаниями в Узбекистане: смотреть ближайшие слушания, записываться наблюдателем, получать напоминания и отправлять отчёты.

    Выберите язык интерфейса:
language-choose = Выберите язык интерфейса:
language-name-uz = Oʻzbekcha
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
    /profile — посмотреть и изменить ваши данные
    /language — сменить язык интерфейса
    /forget — удалить ваши персональные данные
    /cancel — прервать текущее действие
    /help — это сообщение
cancel-done = Отменено. Отправьте /start, когда будете готовы.
cancel-nothing = Отменять нечего.
button-stale = Эта кнопка больше не действует.
unknown-command = Я не знаю такой команды. Смотрите /help.
unexpected-input = Я не понял сообщение. Отправьте /start, чтобы открыть меню, или /help.
error-generic = Извините, у нас что-то пошло не так. Попробуйте ещё раз через минуту.
group-private-only = Напишите мне, пожалуйста, в личные сообщения: { $link }

## Меню команд (описания до 256 символов)

cmd-start = Регистрация или главное меню
cmd-hearings = Ближайшие слушания
cmd-my = Мои записи
cmd-newhearing = Создать слушание (координаторы)
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
    <b>{ $number }. { $title }</b>
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
        [0] Все { $seats } мест заняты
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

## Напоминания

reminder =
    🔔 <b>{ $title }</b> начнётся через { $left }.
    🗓 { $when }
    📍 { $address }

    Вы придёте?
reminder-coming = 👍 Приду
reminder-not-coming = ✖️ Не смогу
attend-coming = Спасибо! До встречи на «{ $title }».
attend-not-coming = Спасибо, что предупредили. Ваше место на «{ $title }» перейдёт следующему в листе ожидания.

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
        [one] Сообщение получил { $count } человек.
        [few] Сообщение получили { $count } человека.
       *[many] Сообщение получили { $count } человек.
    }
people-title = <b>{ $title }</b>: занято { $confirmed } из { $seats }, в ожидании { $waiting }
people-confirmed = <b>Записаны</b>
people-waiting = <b>Лист ожидания</b>
people-line = { $number }. { $name } — { $phone }
people-anonymous = (удалил(а) свои данные)
people-none = Пока никто не записался.
