## Ўзбекча (кирилл ёзуви). uz.ftl дан bot/translit.py қоидалари билан ўгирилган ва ҳар бир
## қатори қўлда текширилган; қоидадан фарқ қиладиган калитлар сабаби билан
## uz-Cyrl.exceptions.toml да. Янги калит учун: python -m bot.translit --missing
## Ўринбосарлар бошқа тиллардаги билан бир хил бўлиши керак (tests/unit/test_locales.py).
## Матнлар HTML форматида юборилади: < > & белгиларини &lt; &gt; &amp; деб ёзинг.

## Бошлаш ва тил

start-greeting =
    👋 Ассалому алайкум! Бу бот фуқароларга Ўзбекистондаги парламент эшитувларини кузатишда ёрдам беради: яқин эшитувларни кўриш, кузатувчи сифатида ёзилиш, эслатмалар олиш ва ҳисобот юбориш.

    Интерфейс тилини танланг:
language-choose = Интерфейс тилини танланг:
language-name-uz = Oʻzbekcha
language-name-uz-Cyrl = Ўзбекча
language-name-ru = Русский
language-name-en = English
language-changed = Интерфейс тили: ўзбекча (кирилл ёзуви).
language-button-current = ✓ { $language }

## Розилик

consent-text =
    <b>Шахсий маълумотларни қайта ишлашга розилик</b>

    Сизни кўнгилли сифатида рўйхатдан ўтказиш учун исм-фамилиянгиз, телефон рақамингиз, ҳудудингиз ва қизиқишларингизни сақлаймиз. Телефон рақамингизни фақат ҳаракат координаторлари кўради: у уларга эшитувларни ташкил этиш учун керак. Маълумотларингизни ҳеч кимга бермаймиз.

    Маълумотларингизни /profile буйруғи билан кўришингиз ва исталган вақтда /forget билан ўчиришингиз мумкин.

    Розимисиз?
consent-accept = ✅ Розиман
consent-decline = ✖️ Рози эмасман
consent-declined =
    Тушунарли. Сиз ҳақингизда ҳеч қандай шахсий маълумот сақланмади.

    Рўйхатдан ўтмасдан ҳам /help ни ўқишингиз ва тилни (/language) ўзгартиришингиз мумкин. Фикрингиз ўзгарса, /start юборинг.
consent-use-buttons = Илтимос, юқоридаги “Розиман” ёки “Рози эмасман” тугмалари билан жавоб беринг.

## Исм-фамилия

ask-name = Илтимос, исм-фамилиянгизни ёзинг, масалан: <i>Дилноза Каримова</i>.
name-not-text = Илтимос, исмингизни стикер, расм ёки файл эмас, матн сифатида юборинг.
name-too-short = Исм жуда қисқа: камида 2 та ҳарф бўлиши керак.
name-too-long =
    Исм жуда узун: { $length ->
        [one] сиз { $length } та белги юбордингиз
       *[other] сиз { $length } та белги юбордингиз
    }, энг кўпи { $max } та.
name-bad-characters = Исмда фақат ҳарфлар (лотин ёки кирилл), бўш жой, апостроф (Oʻgʻli даги каби) ва чизиқча бўлиши мумкин. Илтимос, қайтадан ёзинг.
name-is-command = Бу исм эмас, буйруқ. Исм-фамилиянгизни ёзинг ёки тўхтатиш учун /cancel юборинг.

## Телефон

ask-phone = Телефон рақамингизни қуйидаги тугма орқали юборинг ёки ёзинг, масалан <code>+998 90 123 45 67</code>.
phone-share-button = 📱 Контактимни юбориш
phone-foreign-contact = Бу бошқа одамнинг контакти. Илтимос, “Контактимни юбориш” тугмаси орқали ўз рақамингизни юборинг.
phone-invalid = Бу ҳақиқий телефон рақамига ўхшамайди. Уни <code>+998 90 123 45 67</code> кўринишида ёзинг ёки қуйидаги тугмани босинг.
phone-not-text = Илтимос, контактингизни қуйидаги тугма орқали юборинг ёки рақамингизни ёзинг.
phone-saved = 📱 Телефон рақами сақланди.

## Ҳудуд

ask-region = Қайси ҳудудда яшайсиз?
region-use-buttons = Илтимос, ҳудудингизни юқоридаги тугмалар орқали танланг.
region-QR = Қорақалпоғистон Республикаси
region-AN = Андижон вилояти
region-BU = Бухоро вилояти
region-JI = Жиззах вилояти
region-QA = Қашқадарё вилояти
region-NW = Навоий вилояти
region-NG = Наманган вилояти
region-SA = Самарқанд вилояти
region-SU = Сурхондарё вилояти
region-SI = Сирдарё вилояти
region-TO = Тошкент вилояти
region-FA = Фарғона вилояти
region-XO = Хоразм вилояти
region-TK = Тошкент шаҳри

## Қизиқишлар

ask-interests = Нималарда иштирок этмоқчисиз? Бир ёки бир нечтасини танланг, сўнг “Тайёр” тугмасини босинг.
interests-done =
    { $count ->
        [0] Тайёр
       *[other] Тайёр ({ $count } та танланди)
    }
interests-none = Камида битта йўналишни танланг.
interests-use-buttons = Илтимос, қизиқишларингизни юқоридаги тугмалар орқали танланг ва “Тайёр” тугмасини босинг.
interest-hearings = Парламент эшитувларини кузатиш
interest-councils = Жамоатчилик кенгашлари
interest-reforms = Ислоҳотлар мониторинги
interest-drafting = Қонун лойиҳаларини ишлаб чиқиш
interest-ngo = ННТларни қўллаб-қувватлаш
interest-events = Тадбирлар ва тарғибот

## Текшириш ва таҳрирлаш

summary =
    <b>Илтимос, маълумотларингизни текширинг</b>

    { profile-fields }
profile-fields =
    Исм: { $name }
    Телефон: { $phone }
    Ҳудуд: { $region }
    Қизиқишлар: { $interests }
    Тил: { $language }
summary-confirm = ✅ Тасдиқлаш
summary-edit = ✏️ Таҳрирлаш
summary-use-buttons = Илтимос, юқоридаги тугмалар орқали маълумотларни тасдиқланг ёки “Таҳрирлаш”ни танланг.
edit-which = Нимани ўзгартирмоқчисиз?
field-name = Исм
field-phone = Телефон
field-region = Ҳудуд
field-interests = Қизиқишлар
button-back = ⬅️ Орқага
registration-complete = 🎉 Хуш келибсиз, { $name }! Сиз кўнгилли сифатида рўйхатдан ўтдингиз.

## Асосий меню

main-menu = Нима қилмоқчисиз?
menu-hearings = 🏛 Яқин эшитувлар
menu-my = 🗓 Ёзилганларим
menu-profile = 👤 Профилим
menu-language = 🌐 Тил
menu-help = ❓ Ёрдам

## Профиль

profile =
    <b>Профилингиз</b>

    { profile-fields }
    Рўйхатдан ўтган сана: { $registered }
profile-saved = ✅ Сақланди.
profile-edit-hint = Ўзгартирмоқчи бўлган нарсангизни босинг.
not-registered = Сиз ҳали рўйхатдан ўтмагансиз. Рўйхатдан ўтиш бир дақиқача вақт олади.
register-button = 📝 Рўйхатдан ўтиш
already-registered = Сиз аллақачон рўйхатдан ўтгансиз.

## Маълумотларни ўчириш

forget-confirm =
    Исмингиз, телефон рақамингиз, ҳудудингиз, қизиқишларингиз ва розилигингиз ўчирилади. Сиз юборган ҳисоботлар қолади, лекин исмингизсиз.

    Шахсий маълумотларингиз ўчирилсинми?
forget-yes = 🗑 Ҳа, ўчирилсин
forget-no = Маълумотларим қолсин
forget-done =
    Тайёр. Исмингиз, телефон рақамингиз, ҳудудингиз, қизиқишларингиз ва розилигингиз ўчирилди.

    Фақат интерфейс тилини сақлаб қолдик, бот сизга шу тилда жавоб бериши учун; сизни шахсан аниқлайдиган ҳеч нарса қолмади. Қайта рўйхатдан ўтиш учун /start юборинг.
forget-kept = Ҳеч нарса ўчирилмади.
forget-nothing = Бизда сиз ҳақингизда шахсий маълумот йўқ.

## Ёрдам, бекор қилиш ва хатолар

help =
    <b>Бу бот нима қилади</b>
    Фуқаролар Олий Мажлис (Қонунчилик палатаси ва Сенат) ҳамда жамоатчилик кенгашлари эшитувларини кузатади ва улар қанчалик очиқ ўтганини хабар қилади.

    /start — рўйхатдан ўтиш ёки асосий меню
    /hearings — яқин эшитувлар: кузатувчи сифатида ёзилиш
    /my — сиз ёзилган эшитувлар
    /report — эшитувдан кейин кузатувчи ҳисоботини ёзиш
    /profile — маълумотларингизни кўриш ва ўзгартириш
    /language — интерфейс тилини ўзгартириш
    /forget — шахсий маълумотларингизни ўчириш
    /cancel — жорий амални тўхтатиш
    /help — ушбу хабар
cancel-done = Бекор қилинди. Тайёр бўлганингизда /start юборинг.
cancel-nothing = Бекор қиладиган нарса йўқ.
button-stale = Бу тугма энди ишламайди.
unknown-command = Бундай буйруқни билмайман. /help га қаранг.
unknown-command-in-form = Бундай буйруқни билмайман, шунинг учун уни жавоб сифатида қабул қилмадим. Юқоридаги саволга жавоб беринг ёки тўхтатиш учун /cancel юборинг.
unexpected-input = Хабарингизни тушунмадим. Меню учун /start ёки /help юборинг.
error-generic = Кечирасиз, бизда нимадир хато кетди. Бир дақиқадан сўнг қайта уриниб кўринг.
group-private-only = Илтимос, менга шахсий хабарда ёзинг: { $link }

## Буйруқлар менюси (тавсиф 256 белгигача)

cmd-start = Рўйхатдан ўтиш ёки асосий меню
cmd-hearings = Яқин эшитувлар
cmd-my = Ёзилганларим
cmd-report = Кузатувчи ҳисоботини ёзиш ёки давом эттириш
cmd-newhearing = Эшитув яратиш (координаторлар)
cmd-reports = Текшириладиган ҳисоботлар (координаторлар)
cmd-broadcast = Кўнгиллиларга хабар юбориш (координаторлар)
cmd-export = Маълумотларни жадвалга юклаб олиш (координаторлар)
cmd-stats = Статистика ва графиклар (координаторлар)
cmd-help = Бот нима қилади
cmd-language = Интерфейс тилини ўзгартириш
cmd-profile = Профилим
cmd-cancel = Жорий амални тўхтатиш
cmd-forget = Шахсий маълумотларимни ўчириш

## Эшитувлар: рўйхат ва карта

chamber-legislative = Олий Мажлис Қонунчилик палатаси
chamber-senate = Олий Мажлис Сенати
chamber-other = Бошқа орган (жамоатчилик кенгаши, вазирлик…)
hearings-empty = Ҳозирча яқин эшитувлар йўқ. Янгилари ҳақида шу ерда хабар берамиз.
hearings-title = <b>Яқин эшитувлар</b> ({ $pages } саҳифадан { $page }-саҳифа)
hearings-item =
    <b>{ NUMBER($number, useGrouping: 0) }. { $title }</b>
    🗓 { $when }
    🏛 { $chamber } · { $committee }
    { $seats ->
        [0] 🪑 жой қолмади — кутиш рўйхати очиқ
       *[other] 🪑 { $seats } та жой қолди
    }
button-previous = ◀️ Олдинги
button-next = Кейинги ▶️
hearing-card =
    <b>{ $title }</b>

    🗓 { $when }
    🏛 { $chamber }
    👥 { $committee }
    📍 { $address }
    🪑 { $left ->
        [0] Барча жойлар банд
       *[other] { $seats } та жойдан { $left } таси бўш
    }{ $waiting ->
        [0] { "" }
       *[other] , кутиш рўйхатида: { $waiting }
    }
    🔗 { $link }
hearing-status-none = Сиз ёзилмагансиз.
hearing-status-confirmed = ✅ Сиз кузатувчи сифатида ёзилгансиз.
hearing-status-waiting = 🕒 Сиз кутиш рўйхатида { $position }-ўриндасиз.
hearing-status-started = Эшитув бошланган, ёзилиш ёпилди.
hearing-status-cancelled = 🚫 Эшитув бекор қилинди: { $reason }
hearing-button-signup = ✅ Ёзилиш
hearing-button-wait = 🕒 Кутиш рўйхатига
hearing-button-leave = ✖️ Ёзилишни бекор қилиш
hearing-button-calendar = 📅 Тақвимга қўшиш
hearing-button-share = 📤 Улашиш
hearing-button-back = ◀️ Барча эшитувлар
hearing-button-open = Эшитувни очиш
hearing-button-edit = ✏️ Таҳрирлаш
hearing-button-stop = 🚫 Эшитувни бекор қилиш
hearing-button-people = 👥 Кимлар ёзилди
hearing-not-found = Бундай эшитув йўқ (энди йўқ).
hearing-is-cancelled = Бу эшитув бекор қилинган.
hearing-has-started = Бу эшитув аллақачон бошланган.
ics-caption = Эшитувни тақвимингизга қўшиш учун ушбу файлни очинг.

## Ёзилиш

signup-confirmed = ✅ Сиз “{ $title }” эшитувига ёзилдингиз. Бошланишидан олдин эслатамиз.
signup-waiting = “{ $title }” эшитувида жой қолмаган. Сиз кутиш рўйхатида { $position }-ўриндасиз; жой бўшаса, дарҳол хабар берамиз.
signup-already = Сиз аллақачон ёзилгансиз.
signup-cancelled = “{ $title }” эшитувига ёзилишингиз бекор қилинди.
signup-none = Сиз бу эшитувга ёзилмагансиз.
signup-promoted = 🎉 Жой бўшади: энди сиз “{ $title }” эшитувига ёзилдингиз.
my-empty = Сиз ҳеч қайси яқин эшитувга ёзилмагансиз. /hearings га қаранг.
my-title = <b>Ёзилганларингиз</b>
my-item =
    <b>{ $title }</b>
    🗓 { $when } — { $status }
my-confirmed = ✅ ёзилгансиз
my-waiting = 🕒 кутиш рўйхатида { $position }-ўринда
my-under-way = 🔴 ҳозир ўтмоқда: шошилинч хабар учун очинг
my-report-due = 📝 тугади: ҳисоботингизни кутамиз

## Эслатмалар

reminder =
    🔔 <b>{ $title }</b> { $left }дан кейин бошланади.
    🗓 { $when }
    📍 { $address }

    Келасизми?
reminder-coming = 👍 Келаман
reminder-not-coming = ✖️ Кела олмайман
attend-already = Сиз аллақачон жавоб бергансиз, раҳмат.
attend-coming = Раҳмат! “{ $title }” эшитувида кўришгунча.
attend-not-coming = Хабар берганингиз учун раҳмат. “{ $title }” эшитувидаги жойингиз бўшатилди.

## Координаторлар: эшитув яратиш ва таҳрирлаш

coordinators-only = Бу фақат координаторлар учун.
form-ask-title =
    <b>Янги эшитув</b> (исталган босқичда тўхтатиш учун /cancel юборинг)

    Эшитув номи қандай?
form-ask-chamber = Уни қайси палата ёки орган ўтказади?
form-ask-body = Органнинг номи қандай? Масалан: <i>Адлия вазирлиги ҳузуридаги жамоатчилик кенгаши</i>.
form-ask-committee = Қайси қўмита? Аввалгиларидан танланг ёки номини ёзинг.
form-ask-starts = Қачон бошланади? Сана ва вақт ({ $zone }), масалан <code>05.12.2026 10:00</code> ёки <code>2026-12-05 10:00</code>.
form-ask-ends = Қачон тугайди? Вақтни ёзинг, масалан <code>12:30</code>, ёки “Ўтказиб юбориш”ни босинг.
form-ask-address = Манзил қандай?
form-ask-location = Жойни геолокация сифатида юборинг (📎 → Жойлашув) ёки “Ўтказиб юбориш”ни босинг.
form-ask-seats = Кузатувчилар учун нечта жой бор? Сон юборинг.
form-ask-description = Кузатувчилар учун тавсиф (кун тартиби, кириш, нима олиб келиш керак) ёки “Ўтказиб юбориш”.
form-ask-reason = “{ $title }” нима учун бекор қилинмоқда? Сабаби барча ёзилганларга юборилади.
form-skip = Ўтказиб юбориш ⏭
form-use-buttons = Илтимос, юқоридаги тугмалардан фойдаланинг.
form-location-use = Илтимос, геолокация юборинг (📎 → Жойлашув) ёки “Ўтказиб юбориш”ни босинг.
form-date-unreadable = Санани ўқий олмадим. Уни шундай ёзинг: <code>05.12.2026 10:00</code>.
form-date-past = Бу вақт аллақачон ўтган. Келажакдаги сана ва вақтни киритинг.
form-date-too-far =
    Бу жуда узоқ: кўпи билан { $years ->
        [one] { $years } йил
       *[other] { $years } йил
    } олдинга режалаштириш мумкин. Йилни текширинг.
form-end-before-start = Тугаш вақти бошланишдан кейин бўлиши керак. Кечроқ вақтни киритинг.
form-not-text = Илтимос, матн юборинг.
form-text-length = { $min } дан { $max } гача белги бўлиши керак (сизда { $length } та).
form-seats-invalid = Илтимос, 1 дан { $max } гача бутун сон юборинг.
form-preview-title = <b>Олдиндан кўриш</b>: кўнгиллилар эшитувни шундай кўради.
form-preview =
    <b>{ $title }</b>

    🗓 { $when }
    🏛 { $chamber }
    👥 { $committee }
    📍 { $address } ({ $location })
    🪑 { $seats }

    { $description }
form-preview-pin = белги { $latitude }, { $longitude }
form-preview-no-pin = харитада белги йўқ
form-publish = ✅ Эълон қилиш
form-edit = ✏️ Таҳрирлаш
form-discard = 🗑 Қораламани ўчириш
form-discarded = Қоралама ўчирилди.
form-edit-which = Нимани ўзгартирмоқчисиз?
form-field-title = Номи
form-field-chamber = Палата
form-field-committee = Қўмита
form-field-starts-at = Бошланиши
form-field-ends-at = Тугаши
form-field-address = Манзил
form-field-location = Харитадаги белги
form-field-seats = Жойлар
form-field-description = Тавсиф
hearing-published = ✅ Эълон қилинди. Улашиш учун ҳавола: { $link }
hearing-saved = ✅ Сақланди.
hearing-changed =
    ⚠️ <b>{ $title }</b>: ўзгаришлар.
    🗓 { $when }
    📍 { $address }
hearing-cancelled-notice = 🚫 “{ $title }” эшитуви бекор қилинди. Сабаби: { $reason }
hearing-cancelled-done =
    Эшитув бекор қилинди. { $count ->
        [0] Ҳеч ким ёзилмаган эди.
       *[other] { $count } кишига хабар навбатга қўйилди; юборилгач айтаман.
    }
hearing-cancelled-outcome = “{ $title }” бекор қилингани ҳақида { $total } кишидан { $sent } тасига хабар берилди.
people-title = <b>{ $title }</b>: { $seats } та жойдан { $confirmed } таси банд, кутишда { $waiting }
people-confirmed = <b>Ёзилганлар</b>
people-waiting = <b>Кутиш рўйхати</b>
people-line = { NUMBER($number, useGrouping: 0) }. { $name } — { $phone }
people-anonymous = (маълумотларини ўчирган)
people-none = Ҳозирча ҳеч ким ёзилмаган.

## Қатнашув

hearing-button-checkin = 📷 Рўйхатга олиш QR коди
checkin-button-replace = 🔄 Кодни алмаштириш
checkin-poster-hint = Келганингизни қайд этиш учун телефон камераси билан сканерланг
checkin-caption =
    <b>Рўйхатга олиш коди: { $title }</b>
    { $opens } дан { $closes } гача амал қилади. Уни чоп этинг ёки кириш жойида экранда кўрсатинг; кузатувчилар уни телефон камераси билан сканерлайди.
    Ҳавола: { $link }
    Код бегона қўлга тушса, уни алмаштиринг: эскиси дарҳол ишламай қолади.
checkin-replaced = Эски код энди ишламайди. Янгиси қуйида.
checkin-done = ✅ Хуш келибсиз! “{ $title }” эшитувида қатнашганингиз қайд этилди. Кузатувингиз учун раҳмат.
checkin-again = “{ $title }” эшитувида қатнашганингиз { $time } да қайд этилган эди.
checkin-waiting = Сиз “{ $title }” эшитувининг кутиш рўйхатидасиз ({ NUMBER($position, useGrouping: 0) }-ўрин), шунинг учун қатнашувингиз қайд этилмади. Илтимос, кириш жойидаги координаторга мурожаат қилинг.
checkin-not-signed-up = Сиз “{ $title }” эшитувига ёзилмагансиз, шунинг учун қатнашувингиз қайд этилмади. Илтимос, кириш жойидаги координаторга мурожаат қилинг.
checkin-code-invalid = Бу рўйхатга олиш коди яроқсиз (энди амал қилмайди). Кириш жойидаги кодни сканерланг ёки координатордан сўранг.
checkin-not-open = Рўйхатга олиш эшитув бошланишидан бир соат олдин очилади. Ўшанда кодни қайта сканерланг.
checkin-closed = Бу эшитув учун рўйхатга олиш ёпилган.
checkin-code-replaced = Бу код аллақачон алмаштирилган: энг янгисидан фойдаланинг.
attendance-button-mark = ✍️ Келганларни белгилаш
attendance-title =
    <b>Кимлар келди: { $title }</b>
    { $confirmed } тадан { $attended } таси қайд этилган. Белгилаш ёки белгини олиб ташлаш учун исмни босинг ({ $page }/{ $pages }-саҳифа).
attendance-not-yet = Қатнашувни бошланишдан бир соат олдиндан белгилаш мумкин.
attendance-not-seated = Бу кишининг энди бу эшитувда ўрни йўқ.
hearing-button-report = 📝 Ҳисобот ёзиш
hearing-button-urgent = 🚨 Шошилинч хабар

## Ҳисоботлар: кузатувчи

report-not-allowed = Ҳисоботни сиз ёзилган эшитув ҳақида, у бошлангандан кейин 14 кун ичида ёзиш мумкин. /my га қаранг.
report-not-found = Бу ҳисобот энди очиқ эмас. Ўзингизникини давом эттириш учун /report юборинг.
report-locked = Бу ҳисобот координатор томонидан қабул қилинган ва энди ўзгартириб бўлмайди.
report-choose-hearing = Ҳисоботингиз қайси эшитув ҳақида?
report-progress = <b>{ $total } та саволдан { NUMBER($number, useGrouping: 0) }-савол</b>
report-current = Ҳозирги жавобингиз: { $answer }
report-type-number = { $min } дан { $max } гача сон юборинг.
report-type-text = Жавобингизни ёзинг ({ $max } белгигача).
report-use-buttons = Илтимос, юқоридаги тугмалар билан жавоб беринг.
report-answer-number = Илтимос, { $min } дан { $max } гача бутун сон юборинг.
report-yes = Ҳа
report-no = Йўқ
report-skipped = —
report-files-prompt =
    <b>Қайдлар ва файллар</b>
    Қайдларингизни матн сифатида, исталганча хабарда юборинг (жами { $max_notes } белгигача; ҳозир { $notes }), шунингдек расм, ҳужжат, овозли хабар, видео ёки жойлашув (кўпи билан { $max_files } та; ҳозир { $files }).

    Ҳаммаси дарҳол сақланади. Ҳисоботни текшириш учун “Тайёр”ни босинг.
report-files-done = ✅ Тайёр: ҳисоботни текшириш
report-note-saved = 📝 Қайд сақланди ({ $max } белгидан { $length } таси).
report-sent-changed = ✏️ Бу ҳисобот аллақачон юборилган: ўзгаришлар “Тайёр”, сўнг “Юбориш”ни босганингизда координаторларга етиб боради.
report-notes-full = Қайдлар { $max } белгидан ошиб кетади; { $left } та белги қолди. Қисқароқ хабар юборинг.
report-file-saved = 📎 Сақланди. Иловалар: { $max } тадан { $count } та.
report-album-saved = 🖼 Альбом қабул қилинди: файллари сақланмоқда.
report-files-full = Чегарага етдингиз: битта ҳисоботда { $max } та илова.
report-album-full = Ҳисоботга кўпи билан { $max } та илова сиғади: альбомнинг ундан ортиқ файллари сақланмади.
report-files-unsupported = Илтимос, матн, расм, ҳужжат, овозли хабар, видео ёки жойлашув юборинг.
report-review =
    <b>Ҳисоботингиз: { $title }</b>

    { $answers }

    <b>Қайдлар:</b> { $notes }
    <b>Иловалар:</b> { $files }
report-review-unsent = ✏️ Юборилганидан кейин ўзгартирилди: ўзгаришлар координаторларга етиб бориши учун “Юбориш”ни босинг.
report-review-use-buttons = Илтимос, ҳисобот остидаги тугмалардан фойдаланинг: “Юбориш”, “Таҳрирлаш” ёки “Ўчириш”.
report-submit = 📨 Юбориш
report-edit = ✏️ Таҳрирлаш
report-edit-files = 📝 Қайдлар ва файллар
report-discard = 🗑 Ўчириш
report-discard-yes = 🗑 Ҳа, қораламани ўчириш
report-discarded = Қоралама ўчирилди.
report-incomplete = Баъзи мажбурий саволларга ҳали жавоб берилмаган: аввал уларга жавоб беринг.
report-already-submitted = { NUMBER($number, useGrouping: 0) }-сонли ҳисобот аллақачон координаторларда.
report-receipt =
    ✅ <b>{ NUMBER($number, useGrouping: 0) }-сонли ҳисобот қабул қилинди</b>
    { $when } ({ $utc })

    Сиз юборган нарсанинг бармоқ изи (SHA-256):
    <code>{ $fingerprint }</code>

    Бу хабарни сақланг: у ҳисоботингиз мазмунини тасдиқлайди.
report-nudge = 📝 “{ $title }” эшитуви тугади. Тафсилотлар эсингиздалигида ҳисоботингизни ёзинг.
report-write = 📝 Ҳисобот ёзиш
report-accepted = ✅ “{ $title }” ҳақидаги { NUMBER($number, useGrouping: 0) }-сонли ҳисоботингиз қабул қилинди. Раҳмат!
report-returned =
    ↩️ Координатор “{ $title }” ҳақидаги { NUMBER($number, useGrouping: 0) }-сонли ҳисоботингизни қуйидаги изоҳ билан қайтарди:

    { $comment }

    Илтимос, уни тузатиб, қайта юборинг.
report-edit-returned = ✏️ Ҳисоботни тузатиш

## Сўровнома (forms/hearing_observation.toml)

report-q-started_on_time = Эшитув ўз вақтида бошландими?
report-short-started_on_time = Ўз вақтида бошланди
report-q-open_to_public = Эшитув жамоатчилик учун очиқ бўлдими?
report-short-open_to_public = Жамоатчиликка очиқ
report-q-press_present = Журналистлар киритилдими?
report-short-press_present = Матбуот иштирок этди
report-q-civil_society_spoke = Фуқаролик жамияти вакилларига сўз берилдими?
report-short-civil_society_spoke = Фуқаролик жамияти сўзлади
report-q-members_attended = Нечта депутат (сенатор) иштирок этди?
report-short-members_attended = Иштирок этган депутатлар
report-q-documents_beforehand = Ҳужжатлар олдиндан мавжуд бўлдими?
report-short-documents_beforehand = Ҳужжатлар олдиндан
report-q-documents_beforehand-yes = Ҳа, барчаси
report-q-documents_beforehand-partly = Қисман
report-q-documents_beforehand-no = Йўқ
report-q-openness = Умуман олганда, эшитув қанчалик очиқ бўлди: 1 (ёпиқ) дан 5 (тўлиқ очиқ) гача?
report-short-openness = Очиқлик (1–5)
report-q-openness-1 = 1
report-q-openness-2 = 2
report-q-openness-3 = 3
report-q-openness-4 = 4
report-q-openness-5 = 5
report-q-main_issue = Асосий муҳокама қилинган масала нима эди? (ихтиёрий)
report-short-main_issue = Асосий масала

## Шошилинч хабарлар

urgent-ask = 🚨 “{ $title }” ҳақида шошилинч хабар: нима бўлаётганини битта хабарда ёзинг (изоҳли битта расм қўшишингиз мумкин). Координаторлар уни дарҳол олади.
urgent-ask-again = Илтимос, хабарни матн ёки изоҳли расм сифатида юборинг. Бекор қилиш: /cancel.
urgent-queued = 🚨 Қабул қилинди. Координаторларга юборяпман; улар олганида хабар бераман.
urgent-sent = 🚨 Юборилди. Координаторлар хабарингизни олди.
urgent-not-delivered = Хабарингиз сақланди, лекин ҳозир бирорта координаторга етказиб бўлмади. Илтимос, координаторингизга қўнғироқ ҳам қилинг.
urgent-not-now = Шошилинч хабарлар ёзилган кузатувчилар учун: эшитувдан бир соат олдин бошлаб, у тугагунча.
urgent-card =
    🚨 <b>ШОШИЛИНЧ</b> — { $title }
    Кимдан: { $observer }

    { $text }

## Ҳисоботлар: координаторлар

review-card =
    📝 <b>{ NUMBER($number, useGrouping: 0) }-сонли ҳисобот</b> — { $status }
    { $title }
    Кузатувчи: { $observer }

    { $answers }

    <b>Қайдлар:</b> { $notes }
    <b>Иловалар:</b> { $files }
review-full =
    📝 <b>{ NUMBER($number, useGrouping: 0) }-сонли ҳисобот</b> — { $status }
    { $title }
    Кузатувчи: { $observer }, { $phone }

    { $answers }

    Бармоқ изи: <code>{ $fingerprint }</code>
review-status-draft = қоралама
review-status-submitted = 🕒 текширувни кутмоқда
review-status-returned = ↩️ кузатувчига қайтарилган
review-status-accepted = ✅ қабул қилинган
review-open = 📂 Очиш
review-accept = ✅ Қабул қилиш
review-return = ↩️ Қайтариш
review-sent-privately = Тўлиқ ҳисобот бот билан шахсий чатингизга юборилди.
review-private-first = Аввал бот билан шахсий чатни очинг (у ерда “Start”ни босинг), сўнг қайта уриниб кўринг.
review-ask-comment = ↩️ { NUMBER($number, useGrouping: 0) }-сонли ҳисобот қайтарилмоқда: кузатувчи учун изоҳингизни битта хабарда ёзинг.
review-comment-privately = Изоҳингизни бот билан шахсий чатда ёзинг.
review-returned-done = { NUMBER($number, useGrouping: 0) }-сонли ҳисобот изоҳингиз билан қайтарилди.
review-accepted-done = Қабул қилинди. Кузатувчига хабар берилди.
review-already = Бу ҳисобот аллақачон кўриб чиқилган.
review-changed = Кузатувчи ҳисоботни юборганидан кейин ўзгартирди. Уни қайта юборганида қабул қилинг ёки ҳозир изоҳ билан қайтаринг.
review-unsent-changes = ✏️ Кузатувчи ҳисоботни юборганидан кейин ўзгартирди ва қайта юбормади: бу унинг ҳозирги мазмуни, бармоқ изи уни тасдиқламайди.
queue-empty = Ҳозирча ҳисоботлар йўқ.
queue-title = <b>Ҳисоботлар</b> ({ $pages } саҳифадан { $page }-саҳифа): аввал текширувни кутаётганлар
queue-item =
    <b>{ NUMBER($number, useGrouping: 0) }-сон</b> { $status }
    { $title } — { $observer }, { $when }
queue-open = { NUMBER($number, useGrouping: 0) }-сон
queue-all = Барча эшитувлар
hearing-button-map = 🗺 Харита
my-more = …яна { $count } та: қолганларини /hearings да кўринг.

## Администраторлар: координаторлар ва ҳаракатлар журнали

cmd-coordinators = Координаторлар ва ҳаракатлар журнали (администраторлар)
admins-only = Бу фақат администраторлар учун.
coord-title = <b>Координаторлар</b> (ADMIN_IDS даги администраторлар ҳам координатор)
coord-line = • { $name } (id { $id })
coord-none = Ҳозирча ҳеч ким координатор этиб тайинланмаган.
coord-add = ➕ Координатор қўшиш
coord-remove = ➖ Олиб ташлаш: { $name }
coord-ask = Шу одамнинг исталган хабарини узатинг ёки унинг Телеграмдаги рақамли id сини юборинг. У аввал ботда рўйхатдан ўтган бўлиши керак.
coord-added = ✅ { $name } энди координатор.
coord-removed = Тайёр. Координатор ҳуқуқи дарҳол олиб қўйилди.
coord-not-registered = Бу одам ҳали ботда рўйхатдан ўтмаган. Ундан аввал /start юборишини сўранг.
coord-already = Бу одам аллақачон координатор (ёки администратор).
coord-bad-input = Бу кимлигини аниқлай олмадим (махфийлик созламалари узатилган хабарни яшириши мумкин). Унинг Телеграмдаги рақамли id сини юборинг.
audit-button = 📜 Ҳаракатлар журнали
audit-title = <b>Ҳаракатлар журнали</b>: сўнгги ёзувлар ({ $count })
audit-line = { $when } · { $actor } · { $action } · { $target }
audit-empty = Ҳозирча ҳеч нарса ёзилмаган.

## Координаторлар: оммавий хабарлар

bc-ask-message =
    📣 <b>Янги оммавий хабар</b>
    Хабарни кўнгиллилар қандай олиши керак бўлса, айнан шундай юборинг: форматланган матн, изоҳли расм ёки видео, ҳужжат ёки овозли хабар. Мен уни ҳар бирига нусхалаб юбораман.
    /cancel — бекор қилиш.
bc-unsupported = Бундай хабарни оммавий юбориб бўлмайди. Матн, изоҳли расм ёки видео, ҳужжат, аудиофайл ёки овозли хабар юборинг.
bc-album = Альбомни битта хабар сифатида юбориб бўлмайди. Изоҳли битта расм ёки видео юборинг ёки файлларни ҳужжатга жамланг.
bc-command = Бу буйруқ, оммавий хабар эмас. Кўнгиллиларга юбориладиган матнни юборинг ёки /cancel.
bc-no-recipients = Бу аудиторияга ҳеч ким мос келмайди (ботни блоклаганлар ва маълумотларини ўчирганлар ҳисобга олинмайди). Аудиторияни ўзгартиринг.
bc-not-found = Бундай оммавий хабар йўқ.
bc-ended = Бу оммавий хабар аллақачон якунланган ёки тўхтатилган.
bc-schedule-too-far = Бу бир йилдан узоқроқ муддат. Яқинроқ санани танланг.
bc-audience-title = <b>Кимга юборилсин?</b> Ҳар бир танлов аудиторияни торайтиради.
bc-audience-everyone = 👥 Рўйхатдан ўтганларнинг ҳаммаси
bc-audience-regions = 📍 Ҳудудлар: { $names }
bc-audience-languages = 🌐 Тил: { $names }
bc-audience-interests = ⭐ Қизиқишлар: { $names }
bc-audience-hearing-confirmed = 🏛 «{ $title }» эшитувига жойи тасдиқланганлар
bc-audience-hearing-waiting = 🏛 «{ $title }» эшитувининг кутиш рўйхатидагилар
bc-audience-hearing-both = 🏛 «{ $title }» эшитувига ёзилганлар (жойи борлар ва кутаётганлар)
bc-audience-hearing-unreported = 🏛 «{ $title }» эшитувининг ҳисобот топширмаган кузатувчилари
bc-audience-coordinators = 🛡 Фақат координаторлар
bc-recipients =
    { $count ->
        [0] <b>Ҳеч ким</b> мос келмайди.
       *[other] Қабул қилувчилар: <b>{ $count }</b>.
    }
bc-everyone = Рўйхатдан ўтганларнинг ҳаммаси
bc-choose-region =
    { $count ->
        [0] 📍 Ҳудудлар
       *[other] 📍 Ҳудудлар ({ $count })
    }
bc-choose-language =
    { $count ->
        [0] 🌐 Тил
       *[other] 🌐 Тил ({ $count })
    }
bc-choose-interest =
    { $count ->
        [0] ⭐ Қизиқишлар
       *[other] ⭐ Қизиқишлар ({ $count })
    }
bc-choose-hearing =
    { $chosen ->
        [0] 🏛 Эшитув
       *[other] 🏛 Эшитув ✅
    }
bc-coordinators = Фақат координаторлар
bc-preview-button = 👁 Олдиндан кўриш
bc-discard = ✖️ Бекор қилиш
bc-done = ✔️ Тайёр
bc-no-hearing = Исталган эшитув (танловни олиб ташлаш)
bc-pick-hearing =
    { $count ->
        [0] Сўнгги 30 кунда ва олдинда эшитувлар йўқ.
       *[other] Эшитувни танланг:
    }
bc-pick-part = «{ $title }» иштирокчиларидан кимларга?
bc-part-confirmed = Жойи тасдиқланганлар
bc-part-waiting = Кутиш рўйхати
bc-part-both = Жойи борлар ва кутаётганлар
bc-part-unreported = Ҳисобот топширмаган кузатувчилар
bc-preview-above = ⬆️ Қабул қилувчилар хабарни айнан шундай кўради.
bc-send-now = 📤 Ҳозир юбориш
bc-schedule = 🕒 Режалаштириш
bc-change-audience = 👥 Аудиторияни ўзгартириш
bc-source-gone = Асл хабар ўчирилган, энди уни нусхалаб бўлмайди. Хабарни қайтадан юборинг.
bc-created = 📣 { NUMBER($id, useGrouping: 0) }-сонли оммавий хабар юборилмоқда, қабул қилувчилар: { $count }. Жараён қуйида кўрсатилади.
bc-ask-time = Қачон юборилсин? Сана ва вақтни (маҳаллий вақт) юборинг, масалан: <code>{ $example }</code>.
bc-scheduled = 🕒 { NUMBER($id, useGrouping: 0) }-сонли оммавий хабар { $when } да юборилади. Аудитория ўша пайтда ҳисобланади.
bc-discarded = Бекор қилинди. Ҳеч нарса юборилмади.
bc-queued =
    📣 { NUMBER($id, useGrouping: 0) }-сонли оммавий хабар (қабул қилувчилар: { $total }) { $ahead ->
        [0] ҳозир бошланади.
       *[other] навбатда: олдинда { $ahead } та оммавий хабар бор.
    }
bc-progress =
    📣 <b>{ NUMBER($id, useGrouping: 0) }-сонли оммавий хабар</b>: юборилмоқда
    ✅ Етказилди: { $sent }
    🚫 Етиб бўлмайди: { $unreachable }
    ⚠️ Хатолар: { $failed }
    ⏳ Қолди: { $total } тадан { $remaining } та
    Тахминан { $finish } да тугайди.
bc-summary-done =
    📣 <b>{ NUMBER($id, useGrouping: 0) }-сонли оммавий хабар</b>: якунланди
    ✅ Етказилди: { $total } тадан { $sent } та
    🚫 Етиб бўлмайди (ботни блоклаган ёки Телеграмдан кетган): { $unreachable }
    ⚠️ Хатолар: { $failed }
    ❔ Номаълум (Телеграм ўз вақтида жавоб бермади; қайта юборилмади): { $uncertain }
bc-summary-cancelled =
    📣 <b>{ NUMBER($id, useGrouping: 0) }-сонли оммавий хабар</b>: тўхтатилди
    ✅ Етказилди: { $total } тадан { $sent } та
    🚫 Етиб бўлмайди: { $unreachable }
    ⚠️ Хатолар: { $failed }
    ❔ Номаълум: { $uncertain }
    ✖️ Юборилмади: { $not_sent }
bc-summary-failed =
    📣 <b>{ NUMBER($id, useGrouping: 0) }-сонли оммавий хабар</b>: тўхтатилди, чунки асл хабар ўчирилган ва уни нусхалаб бўлмайди.
    ✅ Етказилди: { $total } тадан { $sent } та
    🚫 Етиб бўлмайди: { $unreachable }
    ⚠️ Хатолар: { $failed }
    ❔ Номаълум: { $uncertain }
    ✖️ Юборилмади: { $not_sent }
bc-finished = 📣 { NUMBER($id, useGrouping: 0) }-сонли оммавий хабар якунланди: { $total } тадан { $sent } та етказилди.
bc-stop = ⏹ Юборишни тўхтатиш
bc-stopped = { NUMBER($id, useGrouping: 0) }-сонли оммавий хабар тўхтатилди.
bc-failures-button = 📄 Кимлар олмади (CSV)
bc-failures-filename = хабар-{ NUMBER($id, useGrouping: 0) }-етмаганлар.csv
bc-failures-caption = { NUMBER($id, useGrouping: 0) }-сонли оммавий хабар: { $count } та қабул қилувчига етмади, сабаблари билан.
bc-col-user = Телеграм id
bc-col-name = Исм
bc-col-outcome = Натижа
bc-col-reason = Сабаб
bc-col-attempts = Уринишлар
bc-col-time = Вақт
bc-outcome-pending = юборилмади
bc-outcome-unreachable = етиб бўлмайди
bc-outcome-failed = хато
bc-outcome-uncertain = номаълум

## Статистика

stats-title = 📊 <b>Статистика</b>
stats-volunteers = 👥 <b>Кўнгиллилар: { $total }</b>, сўнгги 7 кунда янгилари: { $count }
stats-region-line = • { $region }: { $count }
stats-hearings = 🏛 <b>Эшитувлар</b>
stats-hearings-upcoming = Яқин: { $count }
stats-hearings-past = Ўтган: { $count }
stats-seats-filled = Яқин эшитувларда банд жойлар: { $seats } тадан { $confirmed } та
stats-attendance = Ўтган эшитувларга келганлар: жой олган { $confirmed } кишидан { $count } киши ({ $number }%)
stats-attendance-none = Ўтган эшитувларга келганлар: ҳали ҳеч ким жой олмаган
stats-reports = 📝 <b>Ҳисоботлар</b>
stats-reports-submitted = Юборилган: { $count }
stats-reports-waiting = Текширувни кутмоқда: { $count }
stats-reports-returned = Кузатувчига қайтарилган: { $count }
stats-reports-accepted = Қабул қилинган: { $count }
stats-broadcast = 📣 Охирги оммавий хабар ({ NUMBER($number, useGrouping: 0) }-сон): { $total } тадан { $count } та етказилди
stats-broadcast-none = 📣 Ҳали оммавий хабар юборилмаган.
stats-refresh = 🔄 Янгилаш
stats-by-hearing = 🏛 Эшитувлар бўйича
stats-choose-hearing = Хулоса ва жавоблар графигини кўриш учун эшитувни танланг:
stats-no-hearings = Ҳали эшитувлар йўқ.
stats-hearing-choice = { $when } · { $title }
stats-hearing-button = 📊 Статистика
stats-hearing-title =
    📊 <b>{ $title }</b>
    { $when }
stats-hearing-seats = Жойлар: { $seats }
stats-hearing-confirmed = Жой олганлар: { $confirmed }
stats-hearing-waiting = Кутиш рўйхатида: { $waiting }
stats-hearing-coming = “Келаман” деб жавоб берганлар: { $count }
stats-hearing-attended = Келганлар: { $count }
stats-hearing-reports = <b>Ҳисоботлар</b>
stats-report-draft = Қораламалар: { $count }
stats-report-submitted = Текширувни кутмоқда: { $count }
stats-report-returned = Қайтарилган: { $count }
stats-report-accepted = Қабул қилинган: { $count }
stats-hearing-no-answers = Ҳали бирорта ҳисобот юборилмаган, шунинг учун жавоблар графиги йўқ.
chart-regions-title = Ҳудудлар бўйича кўнгиллилар
chart-weeks-title = Ҳафталар бўйича янги кўнгиллилар (ҳафта боши)
chart-hearings-title = Сўнгги эшитувлар: жойлар, жой олганлар, келганлар
chart-seats = Жойлар
chart-confirmed = Жой олганлар
chart-attended = Келганлар
chart-funnel-title = Ҳисоботлар: жойдан қабулгача
chart-funnel-expected = Ўтган эшитувлардаги жойлар
chart-funnel-started = Бошланган ҳисоботлар
chart-funnel-submitted = Юборилган
chart-funnel-accepted = Қабул қилинган
chart-answers-title = { $title }: { $count } та ҳисоботдаги жавоблар
chart-no-data = Ҳозирча маълумот йўқ

## Юклаб олиш

export-choose-dataset = <b>Маълумотларни юклаб олиш</b>: нимани юклаб олмоқчисиз?
export-dataset-volunteers = 👥 Кўнгиллилар
export-dataset-signups = 🪑 Ёзилишлар ва иштирок
export-dataset-reports = 📝 Ҳисоботлар
export-dataset-broadcasts = 📣 Оммавий хабарлар
export-dataset-audit = 🛡 Ҳаракатлар журнали
export-choose-filter = <b>{ $title }</b>: қайси қаторлар?
export-filter-all = Ҳаммаси
export-filter-recent = Сўнгги 30 кун
export-filter-hearing = Битта эшитув…
export-choose-hearing = <b>{ $title }</b>: эшитувни танланг.
export-no-hearings = Ҳозирча эшитувлар йўқ.
export-choose-format = <b>{ $title }</b>: файл форматини танланг.
export-format-xlsx = 📊 Excel (XLSX)
export-format-csv = 📄 CSV
export-working = ⏳ Файл тайёрланмоқда: { $title }…
export-done =
    ✅ { $title }: { $count ->
        [one] { $count } та қатор
       *[other] { $count } та қатор
    }.
export-zipped = Файл Телеграмнинг 50 МБ чегарасидан катта, шунинг учун zip қилиб жўнатилди.
export-split = Файл zip қилинганда ҳам Телеграмнинг 50 МБ чегарасидан катта, шунинг учун { $count } қисмга бўлинди: уларни битта папкага сақланг, бирлаштиринг (Linux ва macOS да cat, Windows да 7-Zip) ва архивдан чиқаринг. Ёки администратордан серверда юклаб беришни сўранг: python -m bot export.
export-anonymous = (аноним)
export-sheet-volunteers = Кўнгиллилар
export-sheet-signups = Ёзилишлар
export-sheet-reports = Ҳисоботлар
export-sheet-events = Ҳисобот воқеалари
export-sheet-broadcasts = Оммавий хабарлар
export-sheet-audit = Ҳаракатлар журнали
export-sheet-walk-ins = Ўринсиз рўйхатга олиш
export-col-scan-id = Сканер №
export-col-scan = Натижа
export-scan-waiting = кутиш рўйхатида
export-scan-not_signed_up = ёзилмаган
export-col-user-id = Телеграм id
export-col-name = Исм
export-col-phone = Телефон
export-col-region = Ҳудуд
export-col-language = Тил
export-col-interests = Қизиқишлар
export-col-registered-at = Рўйхатдан ўтган вақти
export-col-consent-version = Розилик версияси
export-col-reachable = Хабар етадими
export-col-unreachable-since = Қачондан етмайди
export-col-signup-id = Ёзилиш рақами
export-col-hearing-id = Эшитув рақами
export-col-hearing = Эшитув
export-col-hearing-starts = Эшитув бошланиши
export-col-status = Ҳолат
export-col-waiting-place = Кутиш рўйхатидаги ўрни
export-col-answer = Эслатмага жавоб
export-col-attended = Келди
export-col-attended-at = Белгиланган вақт
export-col-attended-via = Қандай белгиланди
export-col-marked-by = Белгилаган (id)
export-col-signed-up-at = Ёзилган вақти
export-col-updated-at = Охирги ўзгариш
export-col-report-id = Ҳисобот рақами
export-col-observer = Кузатувчи
export-col-form-version = Шакл версияси
export-col-submitted-at = Юборилган вақти
export-col-notes = Изоҳлар
export-col-attachments = Иловалар
export-col-file-ids = Файл id лари
export-col-reviewer-id = Текширувчи id
export-col-reviewer = Текширувчи
export-col-reviewed-at = Текширилган вақти
export-col-fingerprint = Бармоқ изи
export-col-event-id = Воқеа рақами
export-col-event = Воқеа
export-col-actor-id = Ким (id)
export-col-actor = Ким
export-col-comment = Изоҳ
export-col-at = Вақт
export-col-broadcast-id = Хабар рақами
export-col-author-id = Муаллиф id
export-col-author = Муаллиф
export-col-audience = Аудитория
export-col-created-at = Яратилган
export-col-scheduled-for = Режалаштирилган вақт
export-col-started-at = Бошланган
export-col-finished-at = Тугаган
export-col-recipients = Қабул қилувчилар
export-col-outcome-sent = Етказилди
export-col-outcome-unreachable = Етиб бўлмайди
export-col-outcome-failed = Хато
export-col-outcome-uncertain = Номаълум
export-col-outcome-pending = Юборилмади
export-col-error = Хабар хатоси
export-col-entry-id = Ёзув рақами
export-col-action = Ҳаракат
export-col-target = Объект
export-col-details = Тафсилотлар
export-signup-confirmed = ёзилган
export-signup-waiting = кутиш рўйхатида
export-signup-cancelled = бекор қилинган
export-answer-coming = Бораман
export-answer-not_coming = Бора олмайман
export-via-qr = QR код
export-via-hand = қўлда
export-report-submitted = текширувни кутмоқда
export-report-returned = қайтарилган
export-report-accepted = қабул қилинган
export-event-submitted = юборилди
export-event-returned = қайтарилди
export-event-resubmitted = қайта юборилди
export-event-accepted = қабул қилинди
export-broadcast-scheduled = режалаштирилган
export-broadcast-queued = навбатда
export-broadcast-sending = юборилмоқда
export-broadcast-done = тугади
export-broadcast-cancelled = тўхтатилди
export-broadcast-failed = амалга ошмади
export-audience-everyone = барча рўйхатдан ўтганлар
export-audience-regions = ҳудудлар
export-audience-languages = тиллар
export-audience-interests = қизиқишлар
export-audience-hearing = эшитув рақами
export-audience-coordinators = фақат координаторлар
admin-error-notice =
    ⚠️ <b>Ботда кутилмаган хато</b>
    Янгиланиш: { $update }
    Хато: <code>{ $error }</code>
    Жойи: <code>{ $where }</code>
    { $repeats ->
        [0] Олдинги хабардан бери такрорланмади.
       *[other] Олдинги хабардан бери яна { $repeats } марта такрорланди.
    }
    Тафсилотлар бот журналида. Шу турдаги хато ҳақида 10 дақиқада кўпи билан бир марта ёзилади.
demo-title = Эшитувлар кузатувчилари боти: демо
demo-intro = Телеграмсиз синаб кўринг: бот ҳақиқий, одамлар ва маълумотлар ўйлаб топилган.
demo-persona-volunteer = 1-кўнгилли
demo-persona-volunteer2 = 2-кўнгилли
demo-persona-coordinator = Координатор
demo-persona-admin = Администратор
demo-persona-group = Координаторлар гуруҳи
demo-app-language = Илова тили
demo-page-language = Саҳифа тили
demo-clock = Демо соати
demo-jump-hour = +1 соат
demo-jump-day = +1 кун
demo-jump-next = ⏭ Кейинги эслатма
demo-next = Кейинги эслатма:
demo-no-reminder = ҳеч нарса режалаштирилмаган
demo-jumped = Соат олдинга сурилди.
demo-message-placeholder = Хабар
demo-send = Юбориш
demo-attach = Расм ёки файл бириктириш
demo-menu = Меню
demo-delete = Ўчириш
demo-edited = таҳрирланган
demo-empty-chat = Ҳозирча хабар йўқ. Бошлаш учун /start юборинг.
demo-bot-name = Эшитувлар кузатувчилари боти
demo-open-file = Очиш
