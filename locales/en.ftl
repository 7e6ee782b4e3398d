## English. Placeholders must match the other locales (tests/unit/test_locales.py checks).
## Texts are sent with HTML formatting: escape < > & as &lt; &gt; &amp;.

## Start and language

start-greeting =
    👋 Hello! This bot helps citizens observe parliamentary hearings in Uzbekistan: see upcoming hearings, sign up as an observer, get reminders and send reports.

    Choose the interface language:
language-choose = Choose the interface language:
language-name-uz = Oʻzbekcha
language-name-ru = Русский
language-name-en = English
language-changed = Interface language: English.
language-button-current = ✓ { $language }

## Consent

consent-text =
    <b>Consent to personal data processing</b>

    To register you as a volunteer we store your full name, phone number, region and interests. Only the movement's coordinators see your phone number; they use it to organize hearings. We do not pass your data to anyone else.

    You can see your data with /profile and erase it at any time with /forget.

    Do you agree?
consent-accept = ✅ I agree
consent-decline = ✖️ I do not agree
consent-declined =
    Understood. We have not stored any personal data about you.

    Without registering you can still read /help and change the /language. If you change your mind, send /start.
consent-use-buttons = Please answer with the buttons “I agree” or “I do not agree” above.

## Full name

ask-name = Please type your full name (first name and surname), for example: <i>Dilnoza Karimova</i>.
name-not-text = Please send your name as text, not a sticker, picture or file.
name-too-short = The name is too short: it must have at least 2 letters.
name-too-long =
    The name is too long: { $length ->
        [one] you sent { $length } character
       *[other] you sent { $length } characters
    }, the maximum is { $max }.
name-bad-characters = A name may contain only letters (Latin or Cyrillic), spaces, apostrophes (as in Oʻgʻli) and hyphens. Please type it again.
name-is-command = That is a command, not a name. Please type your full name, or send /cancel to stop.

## Phone

ask-phone = Share your phone number with the button below, or type it, for example <code>+998 90 123 45 67</code>.
phone-share-button = 📱 Share my contact
phone-foreign-contact = This is someone else's contact. Please share your own number with the “Share my contact” button.
phone-invalid = This does not look like a valid phone number. Type it like <code>+998 90 123 45 67</code> or use the button below.
phone-not-text = Please share your contact with the button below or type your number.
phone-saved = 📱 Phone number saved.

## Region

ask-region = Which region do you live in?
region-use-buttons = Please choose your region with the buttons above.
region-QR = Republic of Karakalpakstan
region-AN = Andijan Region
region-BU = Bukhara Region
region-JI = Jizzakh Region
region-QA = Kashkadarya Region
region-NW = Navoi Region
region-NG = Namangan Region
region-SA = Samarkand Region
region-SU = Surkhandarya Region
region-SI = Syrdarya Region
region-TO = Tashkent Region
region-FA = Fergana Region
region-XO = Khorezm Region
region-TK = Tashkent City

## Interests

ask-interests = What would you like to take part in? Tap one or more, then press “Done”.
interests-done =
    { $count ->
        [0] Done
        [one] Done ({ $count } selected)
       *[other] Done ({ $count } selected)
    }
interests-none = Choose at least one interest.
interests-use-buttons = Please choose your interests with the buttons above and press “Done”.
interest-hearings = Observing parliamentary hearings
interest-councils = Public councils
interest-reforms = Monitoring reforms
interest-drafting = Legal drafting
interest-ngo = Supporting NGOs
interest-events = Events and outreach

## Summary and editing

summary =
    <b>Please check your details</b>

    { profile-fields }
profile-fields =
    Name: { $name }
    Phone: { $phone }
    Region: { $region }
    Interests: { $interests }
    Language: { $language }
summary-confirm = ✅ Confirm
summary-edit = ✏️ Edit
summary-use-buttons = Please confirm your details or choose “Edit” with the buttons above.
edit-which = What would you like to change?
field-name = Name
field-phone = Phone
field-region = Region
field-interests = Interests
button-back = ⬅️ Back
registration-complete = 🎉 Welcome, { $name }! You are registered as a volunteer.

## Main menu

main-menu = What would you like to do?
menu-profile = 👤 My profile
menu-language = 🌐 Language
menu-help = ❓ Help

## Profile

profile =
    <b>Your profile</b>

    { profile-fields }
    Registered: { $registered }
profile-saved = ✅ Saved.
profile-edit-hint = Tap what you would like to change.
not-registered = You are not registered yet. Registration takes about a minute.
register-button = 📝 Register
already-registered = You are already registered.

## Forget

forget-confirm =
    This erases your name, phone number, region, interests and consent from the bot. Reports you have sent stay, without your name.

    Erase your personal data?
forget-yes = 🗑 Yes, erase
forget-no = Keep my data
forget-done =
    Done. Your name, phone number, region, interests and consent have been erased.

    We kept only your interface language, so the bot can answer you in it; nothing that identifies you personally. Send /start to register again.
forget-kept = Nothing was erased.
forget-nothing = We do not hold any personal data about you.

## Help, cancel and errors

help =
    <b>What this bot does</b>
    Citizens observe hearings of the Oliy Majlis (the Legislative Chamber and the Senate) and of public councils, and report how open they were.

    /start — register or open the main menu
    /profile — see and change your details
    /language — change the interface language
    /forget — erase your personal data
    /cancel — stop what you are doing
    /help — this message
cancel-done = Cancelled. Send /start whenever you are ready.
cancel-nothing = There is nothing to cancel.
button-stale = This button is no longer active.
unknown-command = I do not know this command. See /help.
unexpected-input = I did not understand that. Send /start for the menu or /help.
error-generic = Sorry, something went wrong on our side. Please try again in a minute.
group-private-only = Please write to me in a private chat: { $link }

## Command menu (descriptions up to 256 characters)

cmd-start = Register or open the main menu
cmd-help = What the bot does
cmd-language = Change the interface language
cmd-profile = My profile
cmd-cancel = Stop the current action
cmd-forget = Erase my personal data
