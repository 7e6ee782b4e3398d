## Oʻzbekcha (lotin yozuvi). Oʻ va gʻ harflarida U+02BB (ʻ), tutuq belgisida U+02BC (ʼ).
## Oʻrinbosarlar boshqa tillardagi bilan bir xil boʻlishi kerak (tests/unit/test_locales.py).
## Matnlar HTML formatida yuboriladi: < > & belgilarini &lt; &gt; &amp; deb yozing.

## Boshlash va til

start-greeting =
    👋 Assalomu alaykum! Bu bot fuqarolarga Oʻzbekistondagi parlament eshituvlarini kuzatishda yordam beradi: yaqin eshituvlarni koʻrish, kuzatuvchi sifatida yozilish, eslatmalar olish va hisobot yuborish.

    Interfeys tilini tanlang:
language-choose = Interfeys tilini tanlang:
language-name-uz = Oʻzbekcha
language-name-uz-Cyrl = Ўзбекча
language-name-ru = Русский
language-name-en = English
language-changed = Interfeys tili: oʻzbekcha.
language-button-current = ✓ { $language }

## Rozilik

consent-text =
    <b>Shaxsiy maʼlumotlarni qayta ishlashga rozilik</b>

    Sizni koʻngilli sifatida roʻyxatdan oʻtkazish uchun ism-familiyangiz, telefon raqamingiz, hududingiz va qiziqishlaringizni saqlaymiz. Telefon raqamingizni faqat harakat koordinatorlari koʻradi: u ularga eshituvlarni tashkil etish uchun kerak. Maʼlumotlaringizni hech kimga bermaymiz.

    Maʼlumotlaringizni /profile buyrugʻi bilan koʻrishingiz va istalgan vaqtda /forget bilan oʻchirishingiz mumkin.

    Rozimisiz?
consent-accept = ✅ Roziman
consent-decline = ✖️ Rozi emasman
consent-declined =
    Tushunarli. Siz haqingizda hech qanday shaxsiy maʼlumot saqlanmadi.

    Roʻyxatdan oʻtmasdan ham /help ni oʻqishingiz va tilni (/language) oʻzgartirishingiz mumkin. Fikringiz oʻzgarsa, /start yuboring.
consent-use-buttons = Iltimos, yuqoridagi “Roziman” yoki “Rozi emasman” tugmalari bilan javob bering.

## Ism-familiya

ask-name = Iltimos, ism-familiyangizni yozing, masalan: <i>Dilnoza Karimova</i>.
name-not-text = Iltimos, ismingizni stiker, rasm yoki fayl emas, matn sifatida yuboring.
name-too-short = Ism juda qisqa: kamida 2 ta harf boʻlishi kerak.
name-too-long =
    Ism juda uzun: { $length ->
        [one] siz { $length } ta belgi yubordingiz
       *[other] siz { $length } ta belgi yubordingiz
    }, eng koʻpi { $max } ta.
name-bad-characters = Ismda faqat harflar (lotin yoki kirill), boʻsh joy, apostrof (Oʻgʻli dagi kabi) va chiziqcha boʻlishi mumkin. Iltimos, qaytadan yozing.
name-is-command = Bu ism emas, buyruq. Ism-familiyangizni yozing yoki toʻxtatish uchun /cancel yuboring.

## Telefon

ask-phone = Telefon raqamingizni quyidagi tugma orqali yuboring yoki yozing, masalan <code>+998 90 123 45 67</code>.
phone-share-button = 📱 Kontaktimni yuborish
phone-foreign-contact = Bu boshqa odamning kontakti. Iltimos, “Kontaktimni yuborish” tugmasi orqali oʻz raqamingizni yuboring.
phone-invalid = Bu haqiqiy telefon raqamiga oʻxshamaydi. Uni <code>+998 90 123 45 67</code> koʻrinishida yozing yoki quyidagi tugmani bosing.
phone-not-text = Iltimos, kontaktingizni quyidagi tugma orqali yuboring yoki raqamingizni yozing.
phone-saved = 📱 Telefon raqami saqlandi.

## Hudud

ask-region = Qaysi hududda yashaysiz?
region-use-buttons = Iltimos, hududingizni yuqoridagi tugmalar orqali tanlang.
region-QR = Qoraqalpogʻiston Respublikasi
region-AN = Andijon viloyati
region-BU = Buxoro viloyati
region-JI = Jizzax viloyati
region-QA = Qashqadaryo viloyati
region-NW = Navoiy viloyati
region-NG = Namangan viloyati
region-SA = Samarqand viloyati
region-SU = Surxondaryo viloyati
region-SI = Sirdaryo viloyati
region-TO = Toshkent viloyati
region-FA = Fargʻona viloyati
region-XO = Xorazm viloyati
region-TK = Toshkent shahri

## Qiziqishlar

ask-interests = Nimalarda ishtirok etmoqchisiz? Bir yoki bir nechtasini tanlang, soʻng “Tayyor” tugmasini bosing.
interests-done =
    { $count ->
        [0] Tayyor
       *[other] Tayyor ({ $count } ta tanlandi)
    }
interests-none = Kamida bitta yoʻnalishni tanlang.
interests-use-buttons = Iltimos, qiziqishlaringizni yuqoridagi tugmalar orqali tanlang va “Tayyor” tugmasini bosing.
interest-hearings = Parlament eshituvlarini kuzatish
interest-councils = Jamoatchilik kengashlari
interest-reforms = Islohotlar monitoringi
interest-drafting = Qonun loyihalarini ishlab chiqish
interest-ngo = NNTlarni qoʻllab-quvvatlash
interest-events = Tadbirlar va targʻibot

## Tekshirish va tahrirlash

summary =
    <b>Iltimos, maʼlumotlaringizni tekshiring</b>

    { profile-fields }
profile-fields =
    Ism: { $name }
    Telefon: { $phone }
    Hudud: { $region }
    Qiziqishlar: { $interests }
    Til: { $language }
summary-confirm = ✅ Tasdiqlash
summary-edit = ✏️ Tahrirlash
summary-use-buttons = Iltimos, yuqoridagi tugmalar orqali maʼlumotlarni tasdiqlang yoki “Tahrirlash”ni tanlang.
edit-which = Nimani oʻzgartirmoqchisiz?
field-name = Ism
field-phone = Telefon
field-region = Hudud
field-interests = Qiziqishlar
button-back = ⬅️ Orqaga
registration-complete = 🎉 Xush kelibsiz, { $name }! Siz koʻngilli sifatida roʻyxatdan oʻtdingiz.

## Asosiy menyu

main-menu = Nima qilmoqchisiz?
menu-hearings = 🏛 Yaqin eshituvlar
menu-my = 🗓 Yozilganlarim
menu-profile = 👤 Profilim
menu-language = 🌐 Til
menu-help = ❓ Yordam

## Profil

profile =
    <b>Profilingiz</b>

    { profile-fields }
    Roʻyxatdan oʻtgan sana: { $registered }
profile-saved = ✅ Saqlandi.
profile-edit-hint = Oʻzgartirmoqchi boʻlgan narsangizni bosing.
not-registered = Siz hali roʻyxatdan oʻtmagansiz. Roʻyxatdan oʻtish bir daqiqacha vaqt oladi.
register-button = 📝 Roʻyxatdan oʻtish
already-registered = Siz allaqachon roʻyxatdan oʻtgansiz.

## Maʼlumotlarni oʻchirish

forget-confirm =
    Ismingiz, telefon raqamingiz, hududingiz, qiziqishlaringiz va roziligingiz oʻchiriladi. Siz yuborgan hisobotlar qoladi, lekin ismingizsiz.

    Shaxsiy maʼlumotlaringiz oʻchirilsinmi?
forget-yes = 🗑 Ha, oʻchirilsin
forget-no = Maʼlumotlarim qolsin
forget-done =
    Tayyor. Ismingiz, telefon raqamingiz, hududingiz, qiziqishlaringiz va roziligingiz oʻchirildi.

    Faqat interfeys tilini saqlab qoldik, bot sizga shu tilda javob berishi uchun; sizni shaxsan aniqlaydigan hech narsa qolmadi. Qayta roʻyxatdan oʻtish uchun /start yuboring.
forget-kept = Hech narsa oʻchirilmadi.
forget-nothing = Bizda siz haqingizda shaxsiy maʼlumot yoʻq.

## Yordam, bekor qilish va xatolar

help =
    <b>Bu bot nima qiladi</b>
    Fuqarolar Oliy Majlis (Qonunchilik palatasi va Senat) hamda jamoatchilik kengashlari eshituvlarini kuzatadi va ular qanchalik ochiq oʻtganini xabar qiladi.

    /start — roʻyxatdan oʻtish yoki asosiy menyu
    /hearings — yaqin eshituvlar: kuzatuvchi sifatida yozilish
    /my — siz yozilgan eshituvlar
    /report — eshituvdan keyin kuzatuvchi hisobotini yozish
    /profile — maʼlumotlaringizni koʻrish va oʻzgartirish
    /language — interfeys tilini oʻzgartirish
    /forget — shaxsiy maʼlumotlaringizni oʻchirish
    /cancel — joriy amalni toʻxtatish
    /help — ushbu xabar
cancel-done = Bekor qilindi. Tayyor boʻlganingizda /start yuboring.
cancel-nothing = Bekor qiladigan narsa yoʻq.
button-stale = Bu tugma endi ishlamaydi.
unknown-command = Bunday buyruqni bilmayman. /help ga qarang.
unknown-command-in-form = Bunday buyruqni bilmayman, shuning uchun uni javob sifatida qabul qilmadim. Yuqoridagi savolga javob bering yoki toʻxtatish uchun /cancel yuboring.
unexpected-input = Xabaringizni tushunmadim. Menyu uchun /start yoki /help yuboring.
error-generic = Kechirasiz, bizda nimadir xato ketdi. Bir daqiqadan soʻng qayta urinib koʻring.
group-private-only = Iltimos, menga shaxsiy xabarda yozing: { $link }

## Buyruqlar menyusi (tavsif 256 belgigacha)

cmd-start = Roʻyxatdan oʻtish yoki asosiy menyu
cmd-hearings = Yaqin eshituvlar
cmd-my = Yozilganlarim
cmd-report = Kuzatuvchi hisobotini yozish yoki davom ettirish
cmd-newhearing = Eshituv yaratish (koordinatorlar)
cmd-reports = Tekshiriladigan hisobotlar (koordinatorlar)
cmd-broadcast = Koʻngillilarga xabar yuborish (koordinatorlar)
cmd-export = Maʼlumotlarni jadvalga yuklab olish (koordinatorlar)
cmd-stats = Statistika va grafiklar (koordinatorlar)
cmd-help = Bot nima qiladi
cmd-language = Interfeys tilini oʻzgartirish
cmd-profile = Profilim
cmd-cancel = Joriy amalni toʻxtatish
cmd-forget = Shaxsiy maʼlumotlarimni oʻchirish

## Eshituvlar: roʻyxat va karta

chamber-legislative = Oliy Majlis Qonunchilik palatasi
chamber-senate = Oliy Majlis Senati
chamber-other = Boshqa organ (jamoatchilik kengashi, vazirlik…)
hearings-empty = Hozircha yaqin eshituvlar yoʻq. Yangilari haqida shu yerda xabar beramiz.
hearings-title = <b>Yaqin eshituvlar</b> ({ $pages } sahifadan { $page }-sahifa)
hearings-item =
    <b>{ NUMBER($number, useGrouping: 0) }. { $title }</b>
    🗓 { $when }
    🏛 { $chamber } · { $committee }
    { $seats ->
        [0] 🪑 joy qolmadi — kutish roʻyxati ochiq
       *[other] 🪑 { $seats } ta joy qoldi
    }
button-previous = ◀️ Oldingi
button-next = Keyingi ▶️
hearing-card =
    <b>{ $title }</b>

    🗓 { $when }
    🏛 { $chamber }
    👥 { $committee }
    📍 { $address }
    🪑 { $left ->
        [0] Barcha joylar band
       *[other] { $seats } ta joydan { $left } tasi boʻsh
    }{ $waiting ->
        [0] {""}
       *[other] , kutish roʻyxatida: { $waiting }
    }
    🔗 { $link }
hearing-status-none = Siz yozilmagansiz.
hearing-status-confirmed = ✅ Siz kuzatuvchi sifatida yozilgansiz.
hearing-status-waiting = 🕒 Siz kutish roʻyxatida { $position }-oʻrindasiz.
hearing-status-started = Eshituv boshlangan, yozilish yopildi.
hearing-status-cancelled = 🚫 Eshituv bekor qilindi: { $reason }
hearing-button-signup = ✅ Yozilish
hearing-button-wait = 🕒 Kutish roʻyxatiga
hearing-button-leave = ✖️ Yozilishni bekor qilish
hearing-button-calendar = 📅 Taqvimga qoʻshish
hearing-button-share = 📤 Ulashish
hearing-button-back = ◀️ Barcha eshituvlar
hearing-button-open = Eshituvni ochish
hearing-button-edit = ✏️ Tahrirlash
hearing-button-stop = 🚫 Eshituvni bekor qilish
hearing-button-people = 👥 Kimlar yozildi
hearing-not-found = Bunday eshituv yoʻq (endi yoʻq).
hearing-is-cancelled = Bu eshituv bekor qilingan.
hearing-has-started = Bu eshituv allaqachon boshlangan.
ics-caption = Eshituvni taqvimingizga qoʻshish uchun ushbu faylni oching.

## Yozilish

signup-confirmed = ✅ Siz “{ $title }” eshituviga yozildingiz. Boshlanishidan oldin eslatamiz.
signup-waiting = “{ $title }” eshituvida joy qolmagan. Siz kutish roʻyxatida { $position }-oʻrindasiz; joy boʻshasa, darhol xabar beramiz.
signup-already = Siz allaqachon yozilgansiz.
signup-cancelled = “{ $title }” eshituviga yozilishingiz bekor qilindi.
signup-none = Siz bu eshituvga yozilmagansiz.
signup-promoted = 🎉 Joy boʻshadi: endi siz “{ $title }” eshituviga yozildingiz.
my-empty = Siz hech qaysi yaqin eshituvga yozilmagansiz. /hearings ga qarang.
my-title = <b>Yozilganlaringiz</b>
my-item =
    <b>{ $title }</b>
    🗓 { $when } — { $status }
my-confirmed = ✅ yozilgansiz
my-waiting = 🕒 kutish roʻyxatida { $position }-oʻrinda
my-under-way = 🔴 hozir oʻtmoqda: shoshilinch xabar uchun oching
my-report-due = 📝 tugadi: hisobotingizni kutamiz

## Eslatmalar

reminder =
    🔔 <b>{ $title }</b> { $left }dan keyin boshlanadi.
    🗓 { $when }
    📍 { $address }

    Kelasizmi?
reminder-coming = 👍 Kelaman
reminder-not-coming = ✖️ Kela olmayman
attend-already = Siz allaqachon javob bergansiz, rahmat.
attend-coming = Rahmat! “{ $title }” eshituvida koʻrishguncha.
attend-not-coming = Xabar berganingiz uchun rahmat. “{ $title }” eshituvidagi joyingiz boʻshatildi.

## Koordinatorlar: eshituv yaratish va tahrirlash

coordinators-only = Bu faqat koordinatorlar uchun.
form-ask-title = <b>Yangi eshituv</b> (istalgan bosqichda toʻxtatish uchun /cancel yuboring)

    Eshituv nomi qanday?
form-ask-chamber = Uni qaysi palata yoki organ oʻtkazadi?
form-ask-body = Organning nomi qanday? Masalan: <i>Adliya vazirligi huzuridagi jamoatchilik kengashi</i>.
form-ask-committee = Qaysi qoʻmita? Avvalgilaridan tanlang yoki nomini yozing.
form-ask-starts = Qachon boshlanadi? Sana va vaqt ({ $zone }), masalan <code>05.12.2026 10:00</code> yoki <code>2026-12-05 10:00</code>.
form-ask-ends = Qachon tugaydi? Vaqtni yozing, masalan <code>12:30</code>, yoki “Oʻtkazib yuborish”ni bosing.
form-ask-address = Manzil qanday?
form-ask-location = Joyni geolokatsiya sifatida yuboring (📎 → Joylashuv) yoki “Oʻtkazib yuborish”ni bosing.
form-ask-seats = Kuzatuvchilar uchun nechta joy bor? Son yuboring.
form-ask-description = Kuzatuvchilar uchun tavsif (kun tartibi, kirish, nima olib kelish kerak) yoki “Oʻtkazib yuborish”.
form-ask-reason = “{ $title }” nima uchun bekor qilinmoqda? Sababi barcha yozilganlarga yuboriladi.
form-skip = Oʻtkazib yuborish ⏭
form-use-buttons = Iltimos, yuqoridagi tugmalardan foydalaning.
form-location-use = Iltimos, geolokatsiya yuboring (📎 → Joylashuv) yoki “Oʻtkazib yuborish”ni bosing.
form-date-unreadable = Sanani oʻqiy olmadim. Uni shunday yozing: <code>05.12.2026 10:00</code>.
form-date-past = Bu vaqt allaqachon oʻtgan. Kelajakdagi sana va vaqtni kiriting.
form-date-too-far = Bu juda uzoq: koʻpi bilan { $years ->
        [one] { $years } yil
       *[other] { $years } yil
    } oldinga rejalashtirish mumkin. Yilni tekshiring.
form-end-before-start = Tugash vaqti boshlanishdan keyin boʻlishi kerak. Kechroq vaqtni kiriting.
form-not-text = Iltimos, matn yuboring.
form-text-length = { $min } dan { $max } gacha belgi boʻlishi kerak (sizda { $length } ta).
form-seats-invalid = Iltimos, 1 dan { $max } gacha butun son yuboring.
form-preview-title = <b>Oldindan koʻrish</b>: koʻngillilar eshituvni shunday koʻradi.
form-preview =
    <b>{ $title }</b>

    🗓 { $when }
    🏛 { $chamber }
    👥 { $committee }
    📍 { $address } ({ $location })
    🪑 { $seats }

    { $description }
form-preview-pin = belgi { $latitude }, { $longitude }
form-preview-no-pin = xaritada belgi yoʻq
form-publish = ✅ Eʼlon qilish
form-edit = ✏️ Tahrirlash
form-discard = 🗑 Qoralamani oʻchirish
form-discarded = Qoralama oʻchirildi.
form-edit-which = Nimani oʻzgartirmoqchisiz?
form-field-title = Nomi
form-field-chamber = Palata
form-field-committee = Qoʻmita
form-field-starts-at = Boshlanishi
form-field-ends-at = Tugashi
form-field-address = Manzil
form-field-location = Xaritadagi belgi
form-field-seats = Joylar
form-field-description = Tavsif
hearing-published = ✅ Eʼlon qilindi. Ulashish uchun havola: { $link }
hearing-saved = ✅ Saqlandi.
hearing-changed =
    ⚠️ <b>{ $title }</b>: oʻzgarishlar.
    🗓 { $when }
    📍 { $address }
hearing-cancelled-notice = 🚫 “{ $title }” eshituvi bekor qilindi. Sababi: { $reason }
hearing-cancelled-done =
    Eshituv bekor qilindi. { $count ->
        [0] Hech kim yozilmagan edi.
       *[other] { $count } kishiga xabar navbatga qoʻyildi; yuborilgach aytaman.
    }
hearing-cancelled-outcome = “{ $title }” bekor qilingani haqida { $total } kishidan { $sent } tasiga xabar berildi.
people-title = <b>{ $title }</b>: { $seats } ta joydan { $confirmed } tasi band, kutishda { $waiting }
people-confirmed = <b>Yozilganlar</b>
people-waiting = <b>Kutish roʻyxati</b>
people-line = { NUMBER($number, useGrouping: 0) }. { $name } — { $phone }
people-anonymous = (maʼlumotlarini oʻchirgan)
people-none = Hozircha hech kim yozilmagan.

## attendance
hearing-button-checkin = 📷 Roʻyxatga olish QR kodi
checkin-button-replace = 🔄 Kodni almashtirish
checkin-poster-hint = Kelganingizni qayd etish uchun telefon kamerasi bilan skanerlang
checkin-caption =
    <b>Roʻyxatga olish kodi: { $title }</b>
    { $opens } dan { $closes } gacha amal qiladi. Uni chop eting yoki kirish joyida ekranda koʻrsating; kuzatuvchilar uni telefon kamerasi bilan skanerlaydi.
    Havola: { $link }
    Kod begona qoʻlga tushsa, uni almashtiring: eskisi darhol ishlamay qoladi.
checkin-replaced = Eski kod endi ishlamaydi. Yangisi quyida.
checkin-done = ✅ Xush kelibsiz! “{ $title }” eshituvida qatnashganingiz qayd etildi. Kuzatuvingiz uchun rahmat.
checkin-again = “{ $title }” eshituvida qatnashganingiz { $time } da qayd etilgan edi.
checkin-waiting = Siz “{ $title }” eshituvining kutish roʻyxatidasiz ({ NUMBER($position, useGrouping: 0) }-oʻrin), shuning uchun qatnashuvingiz qayd etilmadi. Iltimos, kirish joyidagi koordinatorga murojaat qiling.
checkin-not-signed-up = Siz “{ $title }” eshituviga yozilmagansiz, shuning uchun qatnashuvingiz qayd etilmadi. Iltimos, kirish joyidagi koordinatorga murojaat qiling.
checkin-code-invalid = Bu roʻyxatga olish kodi yaroqsiz (endi amal qilmaydi). Kirish joyidagi kodni skanerlang yoki koordinatordan soʻrang.
checkin-not-open = Roʻyxatga olish eshituv boshlanishidan bir soat oldin ochiladi. Oʻshanda kodni qayta skanerlang.
checkin-closed = Bu eshituv uchun roʻyxatga olish yopilgan.
checkin-code-replaced = Bu kod allaqachon almashtirilgan: eng yangisidan foydalaning.
attendance-button-mark = ✍️ Kelganlarni belgilash
attendance-title =
    <b>Kimlar keldi: { $title }</b>
    { $confirmed } tadan { $attended } tasi qayd etilgan. Belgilash yoki belgini olib tashlash uchun ismni bosing ({ $page }/{ $pages }-sahifa).
attendance-not-yet = Qatnashuvni boshlanishdan bir soat oldindan belgilash mumkin.
attendance-not-seated = Bu kishining endi bu eshituvda oʻrni yoʻq.
hearing-button-report = 📝 Hisobot yozish
hearing-button-urgent = 🚨 Shoshilinch xabar

## Hisobotlar: kuzatuvchi

report-not-allowed = Hisobotni siz yozilgan eshituv haqida, u boshlangandan keyin 14 kun ichida yozish mumkin. /my ga qarang.
report-not-found = Bu hisobot endi ochiq emas. Oʻzingiznikini davom ettirish uchun /report yuboring.
report-locked = Bu hisobot koordinator tomonidan qabul qilingan va endi oʻzgartirib boʻlmaydi.
report-choose-hearing = Hisobotingiz qaysi eshituv haqida?
report-progress = <b>{ $total } ta savoldan { NUMBER($number, useGrouping: 0) }-savol</b>
report-current = Hozirgi javobingiz: { $answer }
report-type-number = { $min } dan { $max } gacha son yuboring.
report-type-text = Javobingizni yozing ({ $max } belgigacha).
report-use-buttons = Iltimos, yuqoridagi tugmalar bilan javob bering.
report-answer-number = Iltimos, { $min } dan { $max } gacha butun son yuboring.
report-yes = Ha
report-no = Yoʻq
report-skipped = —
report-files-prompt =
    <b>Qaydlar va fayllar</b>
    Qaydlaringizni matn sifatida, istalgancha xabarda yuboring (jami { $max_notes } belgigacha; hozir { $notes }), shuningdek rasm, hujjat, ovozli xabar, video yoki joylashuv (koʻpi bilan { $max_files } ta; hozir { $files }).

    Hammasi darhol saqlanadi. Hisobotni tekshirish uchun “Tayyor”ni bosing.
report-files-done = ✅ Tayyor: hisobotni tekshirish
report-note-saved = 📝 Qayd saqlandi ({ $max } belgidan { $length } tasi).
report-sent-changed = ✏️ Bu hisobot allaqachon yuborilgan: oʻzgarishlar “Tayyor”, soʻng “Yuborish”ni bosganingizda koordinatorlarga yetib boradi.
report-notes-full = Qaydlar { $max } belgidan oshib ketadi; { $left } ta belgi qoldi. Qisqaroq xabar yuboring.
report-file-saved = 📎 Saqlandi. Ilovalar: { $max } tadan { $count } ta.
report-album-saved = 🖼 Albom qabul qilindi: fayllari saqlanmoqda.
report-files-full = Chegaraga yetdingiz: bitta hisobotda { $max } ta ilova.
report-album-full = Hisobotga koʻpi bilan { $max } ta ilova sigʻadi: albomning undan ortiq fayllari saqlanmadi.
report-files-unsupported = Iltimos, matn, rasm, hujjat, ovozli xabar, video yoki joylashuv yuboring.
report-review =
    <b>Hisobotingiz: { $title }</b>

    { $answers }

    <b>Qaydlar:</b> { $notes }
    <b>Ilovalar:</b> { $files }
report-review-unsent = ✏️ Yuborilganidan keyin oʻzgartirildi: oʻzgarishlar koordinatorlarga yetib borishi uchun “Yuborish”ni bosing.
report-review-use-buttons = Iltimos, hisobot ostidagi tugmalardan foydalaning: “Yuborish”, “Tahrirlash” yoki “Oʻchirish”.
report-submit = 📨 Yuborish
report-edit = ✏️ Tahrirlash
report-edit-files = 📝 Qaydlar va fayllar
report-discard = 🗑 Oʻchirish
report-discard-yes = 🗑 Ha, qoralamani oʻchirish
report-discarded = Qoralama oʻchirildi.
report-incomplete = Baʼzi majburiy savollarga hali javob berilmagan: avval ularga javob bering.
report-already-submitted = { NUMBER($number, useGrouping: 0) }-sonli hisobot allaqachon koordinatorlarda.
report-receipt =
    ✅ <b>{ NUMBER($number, useGrouping: 0) }-sonli hisobot qabul qilindi</b>
    { $when } ({ $utc })

    Siz yuborgan narsaning barmoq izi (SHA-256):
    <code>{ $fingerprint }</code>

    Bu xabarni saqlang: u hisobotingiz mazmunini tasdiqlaydi.
report-nudge = 📝 “{ $title }” eshituvi tugadi. Tafsilotlar esingizdaligida hisobotingizni yozing.
report-write = 📝 Hisobot yozish
report-accepted = ✅ “{ $title }” haqidagi { NUMBER($number, useGrouping: 0) }-sonli hisobotingiz qabul qilindi. Rahmat!
report-returned =
    ↩️ Koordinator “{ $title }” haqidagi { NUMBER($number, useGrouping: 0) }-sonli hisobotingizni quyidagi izoh bilan qaytardi:

    { $comment }

    Iltimos, uni tuzatib, qayta yuboring.
report-edit-returned = ✏️ Hisobotni tuzatish

## Soʻrovnoma (forms/hearing_observation.toml)

report-q-started_on_time = Eshituv oʻz vaqtida boshlandimi?
report-short-started_on_time = Oʻz vaqtida boshlandi
report-q-open_to_public = Eshituv jamoatchilik uchun ochiq boʻldimi?
report-short-open_to_public = Jamoatchilikka ochiq
report-q-press_present = Jurnalistlar kiritildimi?
report-short-press_present = Matbuot ishtirok etdi
report-q-civil_society_spoke = Fuqarolik jamiyati vakillariga soʻz berildimi?
report-short-civil_society_spoke = Fuqarolik jamiyati soʻzladi
report-q-members_attended = Nechta deputat (senator) ishtirok etdi?
report-short-members_attended = Ishtirok etgan deputatlar
report-q-documents_beforehand = Hujjatlar oldindan mavjud boʻldimi?
report-short-documents_beforehand = Hujjatlar oldindan
report-q-documents_beforehand-yes = Ha, barchasi
report-q-documents_beforehand-partly = Qisman
report-q-documents_beforehand-no = Yoʻq
report-q-openness = Umuman olganda, eshituv qanchalik ochiq boʻldi: 1 (yopiq) dan 5 (toʻliq ochiq) gacha?
report-short-openness = Ochiqlik (1–5)
report-q-openness-1 = 1
report-q-openness-2 = 2
report-q-openness-3 = 3
report-q-openness-4 = 4
report-q-openness-5 = 5
report-q-main_issue = Asosiy muhokama qilingan masala nima edi? (ixtiyoriy)
report-short-main_issue = Asosiy masala

## Shoshilinch xabarlar

urgent-ask = 🚨 “{ $title }” haqida shoshilinch xabar: nima boʻlayotganini bitta xabarda yozing (izohli bitta rasm qoʻshishingiz mumkin). Koordinatorlar uni darhol oladi.
urgent-ask-again = Iltimos, xabarni matn yoki izohli rasm sifatida yuboring. Bekor qilish: /cancel.
urgent-queued = 🚨 Qabul qilindi. Koordinatorlarga yuboryapman; ular olganida xabar beraman.
urgent-sent = 🚨 Yuborildi. Koordinatorlar xabaringizni oldi.
urgent-not-delivered = Xabaringiz saqlandi, lekin hozir birorta koordinatorga yetkazib boʻlmadi. Iltimos, koordinatoringizga qoʻngʻiroq ham qiling.
urgent-not-now = Shoshilinch xabarlar yozilgan kuzatuvchilar uchun: eshituvdan bir soat oldin boshlab, u tugaguncha.
urgent-card =
    🚨 <b>SHOSHILINCH</b> — { $title }
    Kimdan: { $observer }

    { $text }

## Hisobotlar: koordinatorlar

review-card =
    📝 <b>{ NUMBER($number, useGrouping: 0) }-sonli hisobot</b> — { $status }
    { $title }
    Kuzatuvchi: { $observer }

    { $answers }

    <b>Qaydlar:</b> { $notes }
    <b>Ilovalar:</b> { $files }
review-full =
    📝 <b>{ NUMBER($number, useGrouping: 0) }-sonli hisobot</b> — { $status }
    { $title }
    Kuzatuvchi: { $observer }, { $phone }

    { $answers }

    Barmoq izi: <code>{ $fingerprint }</code>
review-status-draft = qoralama
review-status-submitted = 🕒 tekshiruvni kutmoqda
review-status-returned = ↩️ kuzatuvchiga qaytarilgan
review-status-accepted = ✅ qabul qilingan
review-open = 📂 Ochish
review-accept = ✅ Qabul qilish
review-return = ↩️ Qaytarish
review-sent-privately = Toʻliq hisobot bot bilan shaxsiy chatingizga yuborildi.
review-private-first = Avval bot bilan shaxsiy chatni oching (u yerda “Start”ni bosing), soʻng qayta urinib koʻring.
review-ask-comment = ↩️ { NUMBER($number, useGrouping: 0) }-sonli hisobot qaytarilmoqda: kuzatuvchi uchun izohingizni bitta xabarda yozing.
review-comment-privately = Izohingizni bot bilan shaxsiy chatda yozing.
review-returned-done = { NUMBER($number, useGrouping: 0) }-sonli hisobot izohingiz bilan qaytarildi.
review-accepted-done = Qabul qilindi. Kuzatuvchiga xabar berildi.
review-already = Bu hisobot allaqachon koʻrib chiqilgan.
review-changed = Kuzatuvchi hisobotni yuborganidan keyin oʻzgartirdi. Uni qayta yuborganida qabul qiling yoki hozir izoh bilan qaytaring.
review-unsent-changes = ✏️ Kuzatuvchi hisobotni yuborganidan keyin oʻzgartirdi va qayta yubormadi: bu uning hozirgi mazmuni, barmoq izi uni tasdiqlamaydi.
queue-empty = Hozircha hisobotlar yoʻq.
queue-title = <b>Hisobotlar</b> ({ $pages } sahifadan { $page }-sahifa): avval tekshiruvni kutayotganlar
queue-item =
    <b>{ NUMBER($number, useGrouping: 0) }-son</b> { $status }
    { $title } — { $observer }, { $when }
queue-open = { NUMBER($number, useGrouping: 0) }-son
queue-all = Barcha eshituvlar
hearing-button-map = 🗺 Xarita
my-more = …yana { $count } ta: qolganlarini /hearings da koʻring.

## Administratorlar: koordinatorlar va harakatlar jurnali

cmd-coordinators = Koordinatorlar va harakatlar jurnali (administratorlar)
admins-only = Bu faqat administratorlar uchun.
coord-title = <b>Koordinatorlar</b> (ADMIN_IDS dagi administratorlar ham koordinator)
coord-line = • { $name } (id { $id })
coord-none = Hozircha hech kim koordinator etib tayinlanmagan.
coord-add = ➕ Koordinator qoʻshish
coord-remove = ➖ Olib tashlash: { $name }
coord-ask = Shu odamning istalgan xabarini uzating yoki uning Telegramdagi raqamli id sini yuboring. U avval botda roʻyxatdan oʻtgan boʻlishi kerak.
coord-added = ✅ { $name } endi koordinator.
coord-removed = Tayyor. Koordinator huquqi darhol olib qoʻyildi.
coord-not-registered = Bu odam hali botda roʻyxatdan oʻtmagan. Undan avval /start yuborishini soʻrang.
coord-already = Bu odam allaqachon koordinator (yoki administrator).
coord-bad-input = Bu kimligini aniqlay olmadim (maxfiylik sozlamalari uzatilgan xabarni yashirishi mumkin). Uning Telegramdagi raqamli id sini yuboring.
audit-button = 📜 Harakatlar jurnali
audit-title = <b>Harakatlar jurnali</b>: soʻnggi yozuvlar ({ $count })
audit-line = { $when } · { $actor } · { $action } · { $target }
audit-empty = Hozircha hech narsa yozilmagan.

## Koordinatorlar: ommaviy xabarlar

bc-ask-message =
    📣 <b>Yangi ommaviy xabar</b>
    Xabarni koʻngillilar qanday olishi kerak boʻlsa, aynan shunday yuboring: formatlangan matn, izohli rasm yoki video, hujjat yoki ovozli xabar. Men uni har biriga nusxalab yuboraman.
    /cancel — bekor qilish.
bc-unsupported = Bunday xabarni ommaviy yuborib boʻlmaydi. Matn, izohli rasm yoki video, hujjat, audiofayl yoki ovozli xabar yuboring.
bc-album = Albomni bitta xabar sifatida yuborib boʻlmaydi. Izohli bitta rasm yoki video yuboring yoki fayllarni hujjatga jamlang.
bc-command = Bu buyruq, ommaviy xabar emas. Koʻngillilarga yuboriladigan matnni yuboring yoki /cancel.
bc-no-recipients = Bu auditoriyaga hech kim mos kelmaydi (botni bloklaganlar va maʼlumotlarini oʻchirganlar hisobga olinmaydi). Auditoriyani oʻzgartiring.
bc-not-found = Bunday ommaviy xabar yoʻq.
bc-ended = Bu ommaviy xabar allaqachon yakunlangan yoki toʻxtatilgan.
bc-schedule-too-far = Bu bir yildan uzoqroq muddat. Yaqinroq sanani tanlang.
bc-audience-title = <b>Kimga yuborilsin?</b> Har bir tanlov auditoriyani toraytiradi.
bc-audience-everyone = 👥 Roʻyxatdan oʻtganlarning hammasi
bc-audience-regions = 📍 Hududlar: { $names }
bc-audience-languages = 🌐 Til: { $names }
bc-audience-interests = ⭐ Qiziqishlar: { $names }
bc-audience-hearing-confirmed = 🏛 «{ $title }» eshituviga joyi tasdiqlanganlar
bc-audience-hearing-waiting = 🏛 «{ $title }» eshituvining kutish roʻyxatidagilar
bc-audience-hearing-both = 🏛 «{ $title }» eshituviga yozilganlar (joyi borlar va kutayotganlar)
bc-audience-hearing-unreported = 🏛 «{ $title }» eshituvining hisobot topshirmagan kuzatuvchilari
bc-audience-coordinators = 🛡 Faqat koordinatorlar
bc-recipients =
    { $count ->
        [0] <b>Hech kim</b> mos kelmaydi.
       *[other] Qabul qiluvchilar: <b>{ $count }</b>.
    }
bc-everyone = Roʻyxatdan oʻtganlarning hammasi
bc-choose-region =
    { $count ->
        [0] 📍 Hududlar
       *[other] 📍 Hududlar ({ $count })
    }
bc-choose-language =
    { $count ->
        [0] 🌐 Til
       *[other] 🌐 Til ({ $count })
    }
bc-choose-interest =
    { $count ->
        [0] ⭐ Qiziqishlar
       *[other] ⭐ Qiziqishlar ({ $count })
    }
bc-choose-hearing =
    { $chosen ->
        [0] 🏛 Eshituv
       *[other] 🏛 Eshituv ✅
    }
bc-coordinators = Faqat koordinatorlar
bc-preview-button = 👁 Oldindan koʻrish
bc-discard = ✖️ Bekor qilish
bc-done = ✔️ Tayyor
bc-no-hearing = Istalgan eshituv (tanlovni olib tashlash)
bc-pick-hearing =
    { $count ->
        [0] Soʻnggi 30 kunda va oldinda eshituvlar yoʻq.
       *[other] Eshituvni tanlang:
    }
bc-pick-part = «{ $title }» ishtirokchilaridan kimlarga?
bc-part-confirmed = Joyi tasdiqlanganlar
bc-part-waiting = Kutish roʻyxati
bc-part-both = Joyi borlar va kutayotganlar
bc-part-unreported = Hisobot topshirmagan kuzatuvchilar
bc-preview-above = ⬆️ Qabul qiluvchilar xabarni aynan shunday koʻradi.
bc-send-now = 📤 Hozir yuborish
bc-schedule = 🕒 Rejalashtirish
bc-change-audience = 👥 Auditoriyani oʻzgartirish
bc-source-gone = Asl xabar oʻchirilgan, endi uni nusxalab boʻlmaydi. Xabarni qaytadan yuboring.
bc-created = 📣 { NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar yuborilmoqda, qabul qiluvchilar: { $count }. Jarayon quyida koʻrsatiladi.
bc-ask-time = Qachon yuborilsin? Sana va vaqtni (mahalliy vaqt) yuboring, masalan: <code>{ $example }</code>.
bc-scheduled = 🕒 { NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar { $when } da yuboriladi. Auditoriya oʻsha paytda hisoblanadi.
bc-discarded = Bekor qilindi. Hech narsa yuborilmadi.
bc-queued = 📣 { NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar (qabul qiluvchilar: { $total }) { $ahead ->
        [0] hozir boshlanadi.
       *[other] navbatda: oldinda { $ahead } ta ommaviy xabar bor.
    }
bc-progress =
    📣 <b>{ NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar</b>: yuborilmoqda
    ✅ Yetkazildi: { $sent }
    🚫 Yetib boʻlmaydi: { $unreachable }
    ⚠️ Xatolar: { $failed }
    ⏳ Qoldi: { $total } tadan { $remaining } ta
    Taxminan { $finish } da tugaydi.
bc-summary-done =
    📣 <b>{ NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar</b>: yakunlandi
    ✅ Yetkazildi: { $total } tadan { $sent } ta
    🚫 Yetib boʻlmaydi (botni bloklagan yoki Telegramdan ketgan): { $unreachable }
    ⚠️ Xatolar: { $failed }
    ❔ Nomaʼlum (Telegram oʻz vaqtida javob bermadi; qayta yuborilmadi): { $uncertain }
bc-summary-cancelled =
    📣 <b>{ NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar</b>: toʻxtatildi
    ✅ Yetkazildi: { $total } tadan { $sent } ta
    🚫 Yetib boʻlmaydi: { $unreachable }
    ⚠️ Xatolar: { $failed }
    ❔ Nomaʼlum: { $uncertain }
    ✖️ Yuborilmadi: { $not_sent }
bc-summary-failed =
    📣 <b>{ NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar</b>: toʻxtatildi, chunki asl xabar oʻchirilgan va uni nusxalab boʻlmaydi.
    ✅ Yetkazildi: { $total } tadan { $sent } ta
    🚫 Yetib boʻlmaydi: { $unreachable }
    ⚠️ Xatolar: { $failed }
    ❔ Nomaʼlum: { $uncertain }
    ✖️ Yuborilmadi: { $not_sent }
bc-finished = 📣 { NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar yakunlandi: { $total } tadan { $sent } ta yetkazildi.
bc-stop = ⏹ Yuborishni toʻxtatish
bc-stopped = { NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar toʻxtatildi.
bc-failures-button = 📄 Kimlar olmadi (CSV)
bc-failures-filename = xabar-{ NUMBER($id, useGrouping: 0) }-yetmaganlar.csv
bc-failures-caption = { NUMBER($id, useGrouping: 0) }-sonli ommaviy xabar: { $count } ta qabul qiluvchiga yetmadi, sabablari bilan.
bc-col-user = Telegram id
bc-col-name = Ism
bc-col-outcome = Natija
bc-col-reason = Sabab
bc-col-attempts = Urinishlar
bc-col-time = Vaqt
bc-outcome-pending = yuborilmadi
bc-outcome-unreachable = yetib boʻlmaydi
bc-outcome-failed = xato
bc-outcome-uncertain = nomaʼlum

## stats
stats-title = 📊 <b>Statistika</b>
stats-volunteers = 👥 <b>Koʻngillilar: { $total }</b>, soʻnggi 7 kunda yangilari: { $count }
stats-region-line = • { $region }: { $count }
stats-hearings = 🏛 <b>Eshituvlar</b>
stats-hearings-upcoming = Yaqin: { $count }
stats-hearings-past = Oʻtgan: { $count }
stats-seats-filled = Yaqin eshituvlarda band joylar: { $seats } tadan { $confirmed } ta
stats-attendance = Oʻtgan eshituvlarga kelganlar: joy olgan { $confirmed } kishidan { $count } kishi ({ $number }%)
stats-attendance-none = Oʻtgan eshituvlarga kelganlar: hali hech kim joy olmagan
stats-reports = 📝 <b>Hisobotlar</b>
stats-reports-submitted = Yuborilgan: { $count }
stats-reports-waiting = Tekshiruvni kutmoqda: { $count }
stats-reports-returned = Kuzatuvchiga qaytarilgan: { $count }
stats-reports-accepted = Qabul qilingan: { $count }
stats-broadcast = 📣 Oxirgi ommaviy xabar ({ NUMBER($number, useGrouping: 0) }-son): { $total } tadan { $count } ta yetkazildi
stats-broadcast-none = 📣 Hali ommaviy xabar yuborilmagan.
stats-refresh = 🔄 Yangilash
stats-by-hearing = 🏛 Eshituvlar boʻyicha
stats-choose-hearing = Xulosa va javoblar grafigini koʻrish uchun eshituvni tanlang:
stats-no-hearings = Hali eshituvlar yoʻq.
stats-hearing-choice = { $when } · { $title }
stats-hearing-button = 📊 Statistika
stats-hearing-title =
    📊 <b>{ $title }</b>
    { $when }
stats-hearing-seats = Joylar: { $seats }
stats-hearing-confirmed = Joy olganlar: { $confirmed }
stats-hearing-waiting = Kutish roʻyxatida: { $waiting }
stats-hearing-coming = “Kelaman” deb javob berganlar: { $count }
stats-hearing-attended = Kelganlar: { $count }
stats-hearing-reports = <b>Hisobotlar</b>
stats-report-draft = Qoralamalar: { $count }
stats-report-submitted = Tekshiruvni kutmoqda: { $count }
stats-report-returned = Qaytarilgan: { $count }
stats-report-accepted = Qabul qilingan: { $count }
stats-hearing-no-answers = Hali birorta hisobot yuborilmagan, shuning uchun javoblar grafigi yoʻq.
chart-regions-title = Hududlar boʻyicha koʻngillilar
chart-weeks-title = Haftalar boʻyicha yangi koʻngillilar (hafta boshi)
chart-hearings-title = Soʻnggi eshituvlar: joylar, joy olganlar, kelganlar
chart-seats = Joylar
chart-confirmed = Joy olganlar
chart-attended = Kelganlar
chart-funnel-title = Hisobotlar: joydan qabulgacha
chart-funnel-expected = Oʻtgan eshituvlardagi joylar
chart-funnel-started = Boshlangan hisobotlar
chart-funnel-submitted = Yuborilgan
chart-funnel-accepted = Qabul qilingan
chart-answers-title = { $title }: { $count } ta hisobotdagi javoblar
chart-no-data = Hozircha maʼlumot yoʻq

## exports
export-choose-dataset = <b>Maʼlumotlarni yuklab olish</b>: nimani yuklab olmoqchisiz?
export-dataset-volunteers = 👥 Koʻngillilar
export-dataset-signups = 🪑 Yozilishlar va ishtirok
export-dataset-reports = 📝 Hisobotlar
export-dataset-broadcasts = 📣 Ommaviy xabarlar
export-dataset-audit = 🛡 Harakatlar jurnali
export-choose-filter = <b>{ $title }</b>: qaysi qatorlar?
export-filter-all = Hammasi
export-filter-recent = Soʻnggi 30 kun
export-filter-hearing = Bitta eshituv…
export-choose-hearing = <b>{ $title }</b>: eshituvni tanlang.
export-no-hearings = Hozircha eshituvlar yoʻq.
export-choose-format = <b>{ $title }</b>: fayl formatini tanlang.
export-format-xlsx = 📊 Excel (XLSX)
export-format-csv = 📄 CSV
export-working = ⏳ Fayl tayyorlanmoqda: { $title }…
export-done = ✅ { $title }: { $count ->
    [one] { $count } ta qator
   *[other] { $count } ta qator
}.
export-zipped = Fayl Telegramning 50 MB chegarasidan katta, shuning uchun zip qilib joʻnatildi.
export-split = Fayl zip qilinganda ham Telegramning 50 MB chegarasidan katta, shuning uchun { $count } qismga boʻlindi: ularni bitta papkaga saqlang, birlashtiring (Linux va macOSda cat, Windowsda 7-Zip) va zipdan chiqaring. Yoki administratordan serverda yuklab berishni soʻrang: python -m bot export.
export-anonymous = (anonim)
export-sheet-volunteers = Koʻngillilar
export-sheet-signups = Yozilishlar
export-sheet-reports = Hisobotlar
export-sheet-events = Hisobot voqealari
export-sheet-broadcasts = Ommaviy xabarlar
export-sheet-audit = Harakatlar jurnali
export-sheet-walk-ins = Oʻrinsiz roʻyxatga olish
export-col-scan-id = Skaner №
export-col-scan = Natija
export-scan-waiting = kutish roʻyxatida
export-scan-not_signed_up = yozilmagan
export-col-user-id = Telegram id
export-col-name = Ism
export-col-phone = Telefon
export-col-region = Hudud
export-col-language = Til
export-col-interests = Qiziqishlar
export-col-registered-at = Roʻyxatdan oʻtgan vaqti
export-col-consent-version = Rozilik versiyasi
export-col-reachable = Xabar yetadimi
export-col-unreachable-since = Qachondan yetmaydi
export-col-signup-id = Yozilish raqami
export-col-hearing-id = Eshituv raqami
export-col-hearing = Eshituv
export-col-hearing-starts = Eshituv boshlanishi
export-col-status = Holat
export-col-waiting-place = Kutish roʻyxatidagi oʻrni
export-col-answer = Eslatmaga javob
export-col-attended = Keldi
export-col-attended-at = Belgilangan vaqt
export-col-attended-via = Qanday belgilandi
export-col-marked-by = Belgilagan (id)
export-col-signed-up-at = Yozilgan vaqti
export-col-updated-at = Oxirgi oʻzgarish
export-col-report-id = Hisobot raqami
export-col-observer = Kuzatuvchi
export-col-form-version = Shakl versiyasi
export-col-submitted-at = Yuborilgan vaqti
export-col-notes = Izohlar
export-col-attachments = Ilovalar
export-col-file-ids = Fayl id lari
export-col-reviewer-id = Tekshiruvchi id
export-col-reviewer = Tekshiruvchi
export-col-reviewed-at = Tekshirilgan vaqti
export-col-fingerprint = Barmoq izi
export-col-event-id = Voqea raqami
export-col-event = Voqea
export-col-actor-id = Kim (id)
export-col-actor = Kim
export-col-comment = Izoh
export-col-at = Vaqt
export-col-broadcast-id = Xabar raqami
export-col-author-id = Muallif id
export-col-author = Muallif
export-col-audience = Auditoriya
export-col-created-at = Yaratilgan
export-col-scheduled-for = Rejalashtirilgan vaqt
export-col-started-at = Boshlangan
export-col-finished-at = Tugagan
export-col-recipients = Qabul qiluvchilar
export-col-outcome-sent = Yetkazildi
export-col-outcome-unreachable = Yetib boʻlmaydi
export-col-outcome-failed = Xato
export-col-outcome-uncertain = Nomaʼlum
export-col-outcome-pending = Yuborilmadi
export-col-error = Xabar xatosi
export-col-entry-id = Yozuv raqami
export-col-action = Harakat
export-col-target = Obyekt
export-col-details = Tafsilotlar
export-signup-confirmed = yozilgan
export-signup-waiting = kutish roʻyxatida
export-signup-cancelled = bekor qilingan
export-answer-coming = Boraman
export-answer-not_coming = Bora olmayman
export-via-qr = QR kod
export-via-hand = qoʻlda
export-report-submitted = tekshiruvni kutmoqda
export-report-returned = qaytarilgan
export-report-accepted = qabul qilingan
export-event-submitted = yuborildi
export-event-returned = qaytarildi
export-event-resubmitted = qayta yuborildi
export-event-accepted = qabul qilindi
export-broadcast-scheduled = rejalashtirilgan
export-broadcast-queued = navbatda
export-broadcast-sending = yuborilmoqda
export-broadcast-done = tugadi
export-broadcast-cancelled = toʻxtatildi
export-broadcast-failed = amalga oshmadi
export-audience-everyone = barcha roʻyxatdan oʻtganlar
export-audience-regions = hududlar
export-audience-languages = tillar
export-audience-interests = qiziqishlar
export-audience-hearing = eshituv raqami
export-audience-coordinators = faqat koordinatorlar

## operations
admin-error-notice =
    ⚠️ <b>Botda kutilmagan xato</b>
    Yangilanish: { $update }
    Xato: <code>{ $error }</code>
    Joyi: <code>{ $where }</code>
    { $repeats ->
        [0] Oldingi xabardan beri takrorlanmadi.
       *[other] Oldingi xabardan beri yana { $repeats } marta takrorlandi.
    }
    Tafsilotlar bot jurnalida. Shu turdagi xato haqida 10 daqiqada koʻpi bilan bir marta yoziladi.

## demo

# The demo page (python -m bot demo): its own buttons and labels around the chat.
demo-title = Eshituvlar kuzatuvchilari boti: demo
demo-intro = Telegramsiz sinab koʻring: bot haqiqiy, odamlar va maʼlumotlar oʻylab topilgan.
demo-persona-volunteer = 1-koʻngilli
demo-persona-volunteer2 = 2-koʻngilli
demo-persona-coordinator = Koordinator
demo-persona-admin = Administrator
demo-persona-group = Koordinatorlar guruhi
demo-app-language = Ilova tili
demo-page-language = Sahifa tili
demo-clock = Demo soati
demo-jump-hour = +1 soat
demo-jump-day = +1 kun
demo-jump-next = ⏭ Keyingi eslatma
demo-next = Keyingi eslatma:
demo-no-reminder = hech narsa rejalashtirilmagan
demo-jumped = Soat oldinga surildi.
demo-message-placeholder = Xabar
demo-send = Yuborish
demo-attach = Rasm yoki fayl biriktirish
demo-menu = Menyu
demo-delete = Oʻchirish
demo-edited = tahrirlangan
demo-empty-chat = Hozircha xabar yoʻq. Boshlash uchun /start yuboring.
demo-bot-name = Eshituvlar kuzatuvchilari boti
demo-open-file = Ochish
