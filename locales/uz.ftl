## Oʻzbekcha (lotin yozuvi). Oʻ va gʻ harflarida U+02BB (ʻ), tutuq belgisida U+02BC (ʼ).
## Oʻrinbosarlar boshqa tillardagi bilan bir xil boʻlishi kerak (tests/unit/test_locales.py).
## Matnlar HTML formatida yuboriladi: < > & belgilarini &lt; &gt; &amp; deb yozing.

## Boshlash va til

start-greeting =
    👋 Assalomu alaykum! Bu bot fuqarolarga Oʻzbekistondagi parlament eshituvlarini kuzatishda yordam beradi: yaqin eshituvlarni koʻrish, kuzatuvchi sifatida yozilish, eslatmalar olish va hisobot yuborish.

    Interfeys tilini tanlang:
language-choose = Interfeys tilini tanlang:
language-name-uz = Oʻzbekcha
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
    /profile — maʼlumotlaringizni koʻrish va oʻzgartirish
    /language — interfeys tilini oʻzgartirish
    /forget — shaxsiy maʼlumotlaringizni oʻchirish
    /cancel — joriy amalni toʻxtatish
    /help — ushbu xabar
cancel-done = Bekor qilindi. Tayyor boʻlganingizda /start yuboring.
cancel-nothing = Bekor qiladigan narsa yoʻq.
button-stale = Bu tugma endi ishlamaydi.
unknown-command = Bunday buyruqni bilmayman. /help ga qarang.
unexpected-input = Xabaringizni tushunmadim. Menyu uchun /start yoki /help yuboring.
error-generic = Kechirasiz, bizda nimadir xato ketdi. Bir daqiqadan soʻng qayta urinib koʻring.
group-private-only = Iltimos, menga shaxsiy xabarda yozing: { $link }

## Buyruqlar menyusi (tavsif 256 belgigacha)

cmd-start = Roʻyxatdan oʻtish yoki asosiy menyu
cmd-help = Bot nima qiladi
cmd-language = Interfeys tilini oʻzgartirish
cmd-profile = Profilim
cmd-cancel = Joriy amalni toʻxtatish
cmd-forget = Shaxsiy maʼlumotlarimni oʻchirish
