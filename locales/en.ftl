## English. Placeholders must match the other locales (tests/unit/test_locales.py checks).
## Texts are sent with HTML formatting: escape < > & as &lt; &gt; &amp;.

## Start and language

start-greeting =
    👋 Hello! This bot helps citizens observe parliamentary hearings in Uzbekistan: see upcoming hearings, sign up as an observer, get reminders and send reports.

    Choose the interface language:
language-choose = Choose the interface language:
language-name-uz = Oʻzbekcha
language-name-uz-Cyrl = Ўзбекча
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
menu-hearings = 🏛 Upcoming hearings
menu-my = 🗓 My sign-ups
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
    /hearings — upcoming hearings: sign up as an observer
    /my — the hearings you signed up for
    /report — write your observation report after a hearing
    /profile — see and change your details
    /language — change the interface language
    /forget — erase your personal data
    /cancel — stop what you are doing
    /help — this message
cancel-done = Cancelled. Send /start whenever you are ready.
cancel-nothing = There is nothing to cancel.
button-stale = This button is no longer active.
unknown-command = I do not know this command. See /help.
unknown-command-in-form = I do not know this command, so I did not take it as your answer. Answer the question above, or send /cancel to stop.
unexpected-input = I did not understand that. Send /start for the menu or /help.
error-generic = Sorry, something went wrong on our side. Please try again in a minute.
group-private-only = Please write to me in a private chat: { $link }

## Command menu (descriptions up to 256 characters)

cmd-start = Register or open the main menu
cmd-hearings = Upcoming hearings
cmd-my = My sign-ups
cmd-report = Write or continue an observation report
cmd-newhearing = Create a hearing (coordinators)
cmd-reports = Reports to review (coordinators)
cmd-broadcast = Send a message to volunteers (coordinators)
cmd-export = Export data as a spreadsheet (coordinators)
cmd-stats = Statistics and charts (coordinators)
cmd-help = What the bot does
cmd-language = Change the interface language
cmd-profile = My profile
cmd-cancel = Stop the current action
cmd-forget = Erase my personal data

## Hearings: list and card

chamber-legislative = Legislative Chamber of the Oliy Majlis
chamber-senate = Senate of the Oliy Majlis
chamber-other = Another body (public council, ministry…)
hearings-empty = There are no upcoming hearings yet. We will announce new ones here.
hearings-title = <b>Upcoming hearings</b> (page { $page } of { $pages })
hearings-item =
    <b>{ NUMBER($number, useGrouping: 0) }. { $title }</b>
    🗓 { $when }
    🏛 { $chamber } · { $committee }
    { $seats ->
        [0] 🪑 no seats left — waiting list open
        [one] 🪑 { $seats } seat left
       *[other] 🪑 { $seats } seats left
    }
button-previous = ◀️ Previous
button-next = Next ▶️
hearing-card =
    <b>{ $title }</b>

    🗓 { $when }
    🏛 { $chamber }
    👥 { $committee }
    📍 { $address }
    🪑 { $left ->
        [0] All seats are taken
        [one] { $left } of { $seats } seats left
       *[other] { $left } of { $seats } seats left
    }{ $waiting ->
        [0] {""}
       *[other] , { $waiting } waiting
    }
    🔗 { $link }
hearing-status-none = You are not signed up.
hearing-status-confirmed = ✅ You are signed up as an observer.
hearing-status-waiting = 🕒 You are number { $position } on the waiting list.
hearing-status-started = This hearing has started; sign-up is closed.
hearing-status-cancelled = 🚫 This hearing was cancelled: { $reason }
hearing-button-signup = ✅ Sign up
hearing-button-wait = 🕒 Join the waiting list
hearing-button-leave = ✖️ Cancel my sign-up
hearing-button-calendar = 📅 Add to calendar
hearing-button-share = 📤 Share
hearing-button-back = ◀️ All hearings
hearing-button-open = Open the hearing
hearing-button-edit = ✏️ Edit
hearing-button-stop = 🚫 Cancel hearing
hearing-button-people = 👥 Who signed up
hearing-not-found = This hearing does not exist (any more).
hearing-is-cancelled = This hearing was cancelled.
hearing-has-started = This hearing has already started.
ics-caption = Open this file to add the hearing to your calendar.

## Sign-up

signup-confirmed = ✅ You are signed up for “{ $title }”. We will remind you before it starts.
signup-waiting = The hearing “{ $title }” is full. You are number { $position } on the waiting list; we will tell you at once if a seat frees up.
signup-already = You are already signed up.
signup-cancelled = Your sign-up for “{ $title }” is cancelled.
signup-none = You are not signed up for this hearing.
signup-promoted = 🎉 A seat has freed up: you are now signed up for “{ $title }”.
my-empty = You have not signed up for any upcoming hearing. See /hearings.
my-title = <b>Your sign-ups</b>
my-item =
    <b>{ $title }</b>
    🗓 { $when } — { $status }
my-confirmed = ✅ signed up
my-waiting = 🕒 number { $position } on the waiting list
my-under-way = 🔴 under way now: open it for an urgent alert
my-report-due = 📝 over: your report is awaited

## Reminders

reminder =
    🔔 <b>{ $title }</b> starts in { $left }.
    🗓 { $when }
    📍 { $address }

    Are you coming?
reminder-coming = 👍 I'm coming
reminder-not-coming = ✖️ I can't come
attend-already = You have already told us, thank you.
attend-coming = Thank you! See you at “{ $title }”.
attend-not-coming = Thank you for telling us. Your seat for “{ $title }” has been freed for someone else.

## Coordinators: creating and editing a hearing

coordinators-only = This is for coordinators only.
form-ask-title = <b>New hearing</b> (send /cancel to stop at any step)

    What is the hearing's title?
form-ask-chamber = Which chamber or body holds it?
form-ask-body = What is the body's name? For example: <i>Public council under the Ministry of Justice</i>.
form-ask-committee = Which committee? Choose one used before or type its name.
form-ask-starts = When does it start? Date and time in { $zone }, for example <code>05.12.2026 10:00</code> or <code>2026-12-05 10:00</code>.
form-ask-ends = When does it end? A time such as <code>12:30</code>, or press “Skip”.
form-ask-address = What is the address?
form-ask-location = Send the place as a location pin (📎 → Location), or press “Skip”.
form-ask-seats = How many observer seats are there? Send a number.
form-ask-description = A description for observers (agenda, entrance, what to bring), or press “Skip”.
form-ask-reason = Why is “{ $title }” cancelled? The reason is sent to everyone who signed up.
form-skip = Skip ⏭
form-use-buttons = Please use the buttons above.
form-location-use = Please send a location pin (📎 → Location) or press “Skip”.
form-date-unreadable = I could not read this date. Please write it like <code>05.12.2026 10:00</code>.
form-date-past = This moment has already passed. Please give a future date and time.
form-date-too-far = That is too far ahead: plan at most { $years ->
        [one] { $years } year
       *[other] { $years } years
    } ahead. Please check the year.
form-end-before-start = The end must be after the start. Please give a later time.
form-not-text = Please send text.
form-text-length = Please keep it between { $min } and { $max } characters (you sent { $length }).
form-seats-invalid = Please send a whole number of seats from 1 to { $max }.
form-preview-title = <b>Preview</b>: this is how volunteers will see it.
form-preview =
    <b>{ $title }</b>

    🗓 { $when }
    🏛 { $chamber }
    👥 { $committee }
    📍 { $address } ({ $location })
    🪑 { $seats }

    { $description }
form-preview-pin = pin { $latitude }, { $longitude }
form-preview-no-pin = no map pin
form-publish = ✅ Publish
form-edit = ✏️ Edit
form-discard = 🗑 Discard
form-discarded = The draft was discarded.
form-edit-which = What would you like to change?
form-field-title = Title
form-field-chamber = Chamber
form-field-committee = Committee
form-field-starts-at = Start
form-field-ends-at = End
form-field-address = Address
form-field-location = Map pin
form-field-seats = Seats
form-field-description = Description
hearing-published = ✅ Published. Share this link: { $link }
hearing-saved = ✅ Saved.
hearing-changed =
    ⚠️ <b>{ $title }</b> has changed.
    🗓 { $when }
    📍 { $address }
hearing-cancelled-notice = 🚫 The hearing “{ $title }” is cancelled. Reason: { $reason }
hearing-cancelled-done =
    The hearing is cancelled. { $count ->
        [0] Nobody had signed up.
        [one] A notice is queued for { $count } person; I will tell you when it is out.
       *[other] Notices are queued for { $count } people; I will tell you when they are out.
    }
hearing-cancelled-outcome = Cancellation of “{ $title }”: { $sent } of { $total } told.
people-title = <b>{ $title }</b>: { $confirmed } of { $seats } seats taken, { $waiting } waiting
people-confirmed = <b>Signed up</b>
people-waiting = <b>Waiting list</b>
people-line = { NUMBER($number, useGrouping: 0) }. { $name } — { $phone }
people-anonymous = (erased their data)
people-none = Nobody has signed up yet.

## attendance
hearing-button-checkin = 📷 Check-in QR code
checkin-button-replace = 🔄 Replace the code
checkin-poster-hint = Scan with your phone's camera to record that you came
checkin-caption =
    <b>Check-in code: { $title }</b>
    Works from { $opens } to { $closes }. Print it or show it at the entrance; observers scan it with their phone camera.
    Link: { $link }
    If the code leaks, replace it: the old one stops working at once.
checkin-replaced = The old code no longer works. The new one follows.
checkin-done = ✅ Welcome! Your attendance at “{ $title }” is recorded. Thank you for observing.
checkin-again = Your attendance at “{ $title }” was already recorded at { $time }.
checkin-waiting = You are on the waiting list for “{ $title }” (place { NUMBER($position, useGrouping: 0) }), so your attendance was not recorded. Please see the coordinator at the entrance.
checkin-not-signed-up = You are not signed up for “{ $title }”, so your attendance was not recorded. Please see the coordinator at the entrance.
checkin-code-invalid = This check-in code is not valid (any more). Please scan the code at the entrance or ask the coordinator.
checkin-not-open = Check-in opens one hour before the hearing starts. Please scan the code again then.
checkin-closed = Check-in for this hearing has closed.
checkin-code-replaced = This code has already been replaced: use the newest one.
attendance-button-mark = ✍️ Mark who came
attendance-title =
    <b>Who came: { $title }</b>
    { $attended } of { $confirmed } recorded. Tap a name to mark or unmark (page { $page } of { $pages }).
attendance-not-yet = Attendance can be marked from one hour before the start.
attendance-not-seated = This person no longer holds a seat at this hearing.
hearing-button-report = 📝 Write report
hearing-button-urgent = 🚨 Urgent alert

## Reports: the observer

report-not-allowed = You can write a report for a hearing where you had a seat, from its start until 14 days after it. See /my.
report-not-found = This report is not open any more. Send /report to continue yours.
report-locked = This report has been accepted by a coordinator and can no longer be changed.
report-choose-hearing = Which hearing is your report about?
report-progress = <b>Question { NUMBER($number, useGrouping: 0) } of { $total }</b>
report-current = Your answer so far: { $answer }
report-type-number = Send a number from { $min } to { $max }.
report-type-text = Type your answer (up to { $max } characters).
report-use-buttons = Please answer with the buttons above.
report-answer-number = Please send a whole number from { $min } to { $max }.
report-yes = Yes
report-no = No
report-skipped = —
report-files-prompt =
    <b>Notes and files</b>
    Send your notes as text, in as many messages as you like (up to { $max_notes } characters in all; { $notes } so far), and any photos, documents, voice messages, videos or a location (up to { $max_files }; { $files } so far).

    Everything is saved as it arrives. Press “Done” to review your report.
report-files-done = ✅ Done: review the report
report-note-saved = 📝 Note saved ({ $length } of { $max } characters).
report-sent-changed = ✏️ This report was sent already: the changes reach the coordinators when you press “Done”, then “Submit”.
report-notes-full = The notes would exceed { $max } characters; { $left } characters are left. Please send a shorter message.
report-file-saved =
    { $count ->
        [one] 📎 Saved: { $count } attachment of { $max }.
       *[other] 📎 Saved: { $count } attachments of { $max }.
    }
report-album-saved = 🖼 Album received: saving its items.
report-files-full = You have reached { $max } attachments, the most a report can hold.
report-album-full = A report holds at most { $max } attachments: the items of this album past that were not kept.
report-files-unsupported = Please send text, a photo, a document, a voice message, a video or a location.
report-review =
    <b>Your report: { $title }</b>

    { $answers }

    <b>Notes:</b> { $notes }
    <b>Attachments:</b> { $files }
report-review-unsent = ✏️ Changed since you sent it: press Submit to send the changes to the coordinators.
report-review-use-buttons = Please use the buttons under your report: Submit, Edit or Discard.
report-submit = 📨 Submit
report-edit = ✏️ Edit
report-edit-files = 📝 Notes and files
report-discard = 🗑 Discard
report-discard-yes = 🗑 Yes, discard this draft
report-discarded = The draft was discarded.
report-incomplete = Some required questions have no answer yet: please answer them first.
report-already-submitted = Report No. { NUMBER($number, useGrouping: 0) } is already with the coordinators.
report-receipt =
    ✅ <b>Report No. { NUMBER($number, useGrouping: 0) } received</b>
    { $when } ({ $utc })

    Fingerprint (SHA-256) of exactly what you sent:
    <code>{ $fingerprint }</code>

    Keep this message: it proves what your report contained.
report-nudge = 📝 “{ $title }” has ended. Please write your observation report while you remember the details.
report-write = 📝 Write report
report-accepted = ✅ Your report No. { NUMBER($number, useGrouping: 0) } on “{ $title }” was accepted. Thank you!
report-returned =
    ↩️ Your report No. { NUMBER($number, useGrouping: 0) } on “{ $title }” was returned by a coordinator with this comment:

    { $comment }

    Please correct it and submit it again.
report-edit-returned = ✏️ Edit report

## The checklist (forms/hearing_observation.toml)

report-q-started_on_time = Did the hearing start on time?
report-short-started_on_time = Started on time
report-q-open_to_public = Was the hearing open to the public?
report-short-open_to_public = Open to the public
report-q-press_present = Were journalists allowed in?
report-short-press_present = Press present
report-q-civil_society_spoke = Were civil-society representatives allowed to speak?
report-short-civil_society_spoke = Civil society spoke
report-q-members_attended = How many members of parliament attended?
report-short-members_attended = Members present
report-q-documents_beforehand = Were the documents available beforehand?
report-short-documents_beforehand = Documents beforehand
report-q-documents_beforehand-yes = Yes, all
report-q-documents_beforehand-partly = Partly
report-q-documents_beforehand-no = No
report-q-openness = Overall, how open was the hearing, from 1 (closed) to 5 (fully open)?
report-short-openness = Openness (1–5)
report-q-openness-1 = 1
report-q-openness-2 = 2
report-q-openness-3 = 3
report-q-openness-4 = 4
report-q-openness-5 = 5
report-q-main_issue = What was the main issue discussed? (optional)
report-short-main_issue = Main issue

## Urgent alerts

urgent-ask = 🚨 Urgent alert about “{ $title }”: describe what is happening in one message (you may attach one photo with a caption). Coordinators receive it at once.
urgent-ask-again = Please send the alert as text, or as a photo with a caption. /cancel to stop.
urgent-queued = 🚨 Received. Sending it to the coordinators now; I will tell you when they have it.
urgent-sent = 🚨 Sent. The coordinators have your alert.
urgent-not-delivered = Your alert is saved, but no coordinator could be reached right now. Please also call your coordinator.
urgent-not-now = Urgent alerts are for observers with a seat, from an hour before a hearing until it ends.
urgent-card =
    🚨 <b>URGENT</b> — { $title }
    From: { $observer }

    { $text }

## Reports: coordinators

review-card =
    📝 <b>Report No. { NUMBER($number, useGrouping: 0) }</b> — { $status }
    { $title }
    Observer: { $observer }

    { $answers }

    <b>Notes:</b> { $notes }
    <b>Attachments:</b> { $files }
review-full =
    📝 <b>Report No. { NUMBER($number, useGrouping: 0) }</b> — { $status }
    { $title }
    Observer: { $observer }, { $phone }

    { $answers }

    Fingerprint: <code>{ $fingerprint }</code>
review-status-draft = draft
review-status-submitted = 🕒 waiting for review
review-status-returned = ↩️ returned to the observer
review-status-accepted = ✅ accepted
review-open = 📂 Open
review-accept = ✅ Accept
review-return = ↩️ Return
review-sent-privately = The whole report is in your private chat with the bot.
review-private-first = Please open a private chat with the bot first (press Start there), then try again.
review-ask-comment = ↩️ Returning report No. { NUMBER($number, useGrouping: 0) }: write your comment for the observer in one message.
review-comment-privately = Write your comment in your private chat with the bot.
review-returned-done = Report No. { NUMBER($number, useGrouping: 0) } was returned with your comment.
review-accepted-done = Accepted. The observer has been told.
review-already = This report has been reviewed already.
review-changed = The observer changed this report after sending it. Accept it once they send it again, or return it now with a comment.
review-unsent-changes = ✏️ Changed by the observer after sending and not sent again: this is the current content, which the fingerprint does not cover.
queue-empty = There are no reports yet.
queue-title = <b>Reports</b> (page { $page } of { $pages }): waiting for review first
queue-item =
    <b>No. { NUMBER($number, useGrouping: 0) }</b> { $status }
    { $title } — { $observer }, { $when }
queue-open = No. { NUMBER($number, useGrouping: 0) }
queue-all = All hearings
hearing-button-map = 🗺 Map
my-more = …and { $count } more: open /hearings for the rest.

## Admins: coordinators and the audit log

cmd-coordinators = Coordinators and the audit log (admins)
admins-only = This is for admins only.
coord-title = <b>Coordinators</b> (admins from ADMIN_IDS are coordinators too)
coord-line = • { $name } (id { $id })
coord-none = Nobody has been named coordinator yet.
coord-add = ➕ Add a coordinator
coord-remove = ➖ Remove { $name }
coord-ask = Forward any message from the person, or send their numeric Telegram id. They must have registered with the bot first.
coord-added = ✅ { $name } is now a coordinator.
coord-removed = Removed. They lost coordinator access at once.
coord-not-registered = This person has not registered with the bot yet. Ask them to send /start first.
coord-already = This person is already a coordinator (or an admin).
coord-bad-input = I could not tell who this is (their privacy settings may hide forwards). Please send their numeric Telegram id.
audit-button = 📜 Audit log
audit-title = <b>Audit log</b>: the latest { $count } entries
audit-line = { $when } · { $actor } · { $action } · { $target }
audit-empty = Nothing recorded yet.

## Coordinators: broadcasts

bc-ask-message =
    📣 <b>New broadcast</b>
    Send me the message exactly as volunteers should get it: text with formatting, a photo or video with a caption, a document or a voice message. I will copy it to each of them.
    /cancel stops.
bc-unsupported = This kind of message cannot be broadcast. Send text, a photo or video with a caption, a document, an audio file or a voice message.
bc-album = An album cannot be broadcast as one message. Send one photo or video with a caption, or put the files in a document.
bc-command = That is a command, not a message to broadcast. Send the text volunteers should get, or /cancel.
bc-no-recipients = Nobody matches this audience (people who blocked the bot or erased their data are left out). Change the audience.
bc-not-found = This broadcast does not exist.
bc-ended = This broadcast has already finished or been stopped.
bc-schedule-too-far = That is more than a year away. Choose a closer date.
bc-audience-title = <b>Who should get it?</b> Each choice narrows the audience.
bc-audience-everyone = 👥 Everyone registered
bc-audience-regions = 📍 Regions: { $names }
bc-audience-languages = 🌐 Language: { $names }
bc-audience-interests = ⭐ Interests: { $names }
bc-audience-hearing-confirmed = 🏛 Confirmed for “{ $title }”
bc-audience-hearing-waiting = 🏛 On the waiting list for “{ $title }”
bc-audience-hearing-both = 🏛 Signed up for “{ $title }” (confirmed or waiting)
bc-audience-hearing-unreported = 🏛 Observers of “{ $title }” without a submitted report
bc-audience-coordinators = 🛡 Coordinators only
bc-recipients =
    { $count ->
        [0] <b>Nobody</b> matches.
        [one] <b>{ $count }</b> recipient.
       *[other] <b>{ $count }</b> recipients.
    }
bc-everyone = Everyone registered
bc-choose-region =
    { $count ->
        [0] 📍 Regions
       *[other] 📍 Regions ({ $count })
    }
bc-choose-language =
    { $count ->
        [0] 🌐 Language
       *[other] 🌐 Language ({ $count })
    }
bc-choose-interest =
    { $count ->
        [0] ⭐ Interests
       *[other] ⭐ Interests ({ $count })
    }
bc-choose-hearing =
    { $chosen ->
        [0] 🏛 Hearing
       *[other] 🏛 Hearing ✅
    }
bc-coordinators = Coordinators only
bc-preview-button = 👁 Preview
bc-discard = ✖️ Discard
bc-done = ✔️ Done
bc-no-hearing = Any hearing (remove this choice)
bc-pick-hearing =
    { $count ->
        [0] There are no hearings from the last 30 days or ahead.
       *[other] Choose a hearing:
    }
bc-pick-part = Who among the people of “{ $title }”?
bc-part-confirmed = Confirmed seats
bc-part-waiting = Waiting list
bc-part-both = Confirmed and waiting
bc-part-unreported = Observers who have not submitted a report
bc-preview-above = ⬆️ This is exactly what recipients will see.
bc-send-now = 📤 Send now
bc-schedule = 🕒 Schedule
bc-change-audience = 👥 Change the audience
bc-source-gone = The original message was deleted, so it can no longer be copied. Send the message again.
bc-created = 📣 Broadcast No. { NUMBER($id, useGrouping: 0) } is on its way to { $count ->
        [one] { $count } recipient
       *[other] { $count } recipients
    }. Its progress follows below.
bc-ask-time = When should it go out? Send the date and time (local time), for example <code>{ $example }</code>.
bc-scheduled = 🕒 Broadcast No. { NUMBER($id, useGrouping: 0) } will go out on { $when }. The audience is counted at that moment.
bc-discarded = Discarded. Nothing was sent.
bc-queued = 📣 Broadcast No. { NUMBER($id, useGrouping: 0) } ({ $total } recipients) { $ahead ->
        [0] starts in a moment.
        [one] waits for { $ahead } broadcast ahead of it.
       *[other] waits for { $ahead } broadcasts ahead of it.
    }
bc-progress =
    📣 <b>Broadcast No. { NUMBER($id, useGrouping: 0) }</b>: sending
    ✅ Sent: { $sent }
    🚫 Unreachable: { $unreachable }
    ⚠️ Failed: { $failed }
    ⏳ Remaining: { $remaining } of { $total }
    Expected to finish about { $finish }.
bc-summary-done =
    📣 <b>Broadcast No. { NUMBER($id, useGrouping: 0) }</b>: finished
    ✅ Sent: { $sent } of { $total }
    🚫 Unreachable (blocked the bot or left Telegram): { $unreachable }
    ⚠️ Failed: { $failed }
    ❔ Uncertain (Telegram did not answer in time; not resent): { $uncertain }
bc-summary-cancelled =
    📣 <b>Broadcast No. { NUMBER($id, useGrouping: 0) }</b>: stopped
    ✅ Sent: { $sent } of { $total }
    🚫 Unreachable: { $unreachable }
    ⚠️ Failed: { $failed }
    ❔ Uncertain: { $uncertain }
    ✖️ Not sent: { $not_sent }
bc-summary-failed =
    📣 <b>Broadcast No. { NUMBER($id, useGrouping: 0) }</b>: stopped, because the original message was deleted and can no longer be copied.
    ✅ Sent: { $sent } of { $total }
    🚫 Unreachable: { $unreachable }
    ⚠️ Failed: { $failed }
    ❔ Uncertain: { $uncertain }
    ✖️ Not sent: { $not_sent }
bc-finished = 📣 Broadcast No. { NUMBER($id, useGrouping: 0) } has finished: { $sent } of { $total } delivered.
bc-stop = ⏹ Stop the broadcast
bc-stopped = Broadcast No. { NUMBER($id, useGrouping: 0) } stopped.
bc-failures-button = 📄 Who did not get it (CSV)
bc-failures-filename = broadcast-{ NUMBER($id, useGrouping: 0) }-not-reached.csv
bc-failures-caption =
    { $count ->
        [one] Broadcast No. { NUMBER($id, useGrouping: 0) }: { $count } recipient not reached, with reasons.
       *[other] Broadcast No. { NUMBER($id, useGrouping: 0) }: { $count } recipients not reached, with reasons.
    }
bc-col-user = Telegram id
bc-col-name = Name
bc-col-outcome = Outcome
bc-col-reason = Reason
bc-col-attempts = Attempts
bc-col-time = Time
bc-outcome-pending = not sent
bc-outcome-unreachable = unreachable
bc-outcome-failed = failed
bc-outcome-uncertain = uncertain

## stats
stats-title = 📊 <b>Statistics</b>
stats-volunteers = 👥 <b>Volunteers: { $total }</b>, new in the last 7 days: { $count }
stats-region-line = • { $region }: { $count }
stats-hearings = 🏛 <b>Hearings</b>
stats-hearings-upcoming = Upcoming: { $count }
stats-hearings-past = Past: { $count }
stats-seats-filled = Seats taken at upcoming hearings: { $confirmed } of { $seats }
stats-attendance = Attendance at past hearings: { $count } of { $confirmed } with a seat came ({ $number }%)
stats-attendance-none = Attendance at past hearings: nobody has held a seat yet
stats-reports = 📝 <b>Reports</b>
stats-reports-submitted = Submitted: { $count }
stats-reports-waiting = Waiting for review: { $count }
stats-reports-returned = Returned to the observer: { $count }
stats-reports-accepted = Accepted: { $count }
stats-broadcast = 📣 Last broadcast, No. { NUMBER($number, useGrouping: 0) }: delivered to { $count } of { $total }
stats-broadcast-none = 📣 No broadcast has been sent yet.
stats-refresh = 🔄 Refresh
stats-by-hearing = 🏛 By hearing
stats-choose-hearing = Choose a hearing to see its summary and answer chart:
stats-no-hearings = There are no hearings yet.
stats-hearing-choice = { $when } · { $title }
stats-hearing-button = 📊 Statistics
stats-hearing-title =
    📊 <b>{ $title }</b>
    { $when }
stats-hearing-seats = Seats: { $seats }
stats-hearing-confirmed = Confirmed: { $confirmed }
stats-hearing-waiting = Waiting list: { $waiting }
stats-hearing-coming = Answered “I'm coming”: { $count }
stats-hearing-attended = Attended: { $count }
stats-hearing-reports = <b>Reports</b>
stats-report-draft = Drafts: { $count }
stats-report-submitted = Waiting for review: { $count }
stats-report-returned = Returned: { $count }
stats-report-accepted = Accepted: { $count }
stats-hearing-no-answers = No report has been submitted yet, so there is no answer chart.
chart-regions-title = Volunteers by region
chart-weeks-title = New volunteers per week (week starting)
chart-hearings-title = Recent hearings: seats, confirmed, attended
chart-seats = Seats
chart-confirmed = Confirmed
chart-attended = Attended
chart-funnel-title = Reports: from a seat to accepted
chart-funnel-expected = Seats at past hearings
chart-funnel-started = Reports started
chart-funnel-submitted = Submitted
chart-funnel-accepted = Accepted
chart-answers-title =
    { $count ->
        [one] { $title }: checklist answers from { $count } report
       *[other] { $title }: checklist answers from { $count } reports
    }
chart-no-data = No data yet

## exports
export-choose-dataset = <b>Export data</b>: what would you like to download?
export-dataset-volunteers = 👥 Volunteers
export-dataset-signups = 🪑 Sign-ups and attendance
export-dataset-reports = 📝 Reports
export-dataset-broadcasts = 📣 Broadcasts
export-dataset-audit = 🛡 Audit log
export-choose-filter = <b>{ $title }</b>: which rows?
export-filter-all = All
export-filter-recent = Last 30 days
export-filter-hearing = One hearing…
export-choose-hearing = <b>{ $title }</b>: choose the hearing.
export-no-hearings = There are no hearings yet.
export-choose-format = <b>{ $title }</b>: choose the file format.
export-format-xlsx = 📊 Excel (XLSX)
export-format-csv = 📄 CSV
export-working = ⏳ Preparing the file: { $title }…
export-done = ✅ { $title }: { $count ->
    [one] { $count } row
   *[other] { $count } rows
}.
export-zipped = The file was over Telegram's 50 MB limit, so it is zipped.
export-split = The file was over Telegram's 50 MB limit even zipped, so it comes in { $count } parts: save them in one folder, join them (cat on Linux and macOS, 7-Zip on Windows) and unzip. Or ask an admin for it from the server: python -m bot export.
export-anonymous = (anonymous)
export-sheet-volunteers = Volunteers
export-sheet-signups = Sign-ups
export-sheet-reports = Reports
export-sheet-events = Report events
export-sheet-broadcasts = Broadcasts
export-sheet-audit = Audit log
export-sheet-walk-ins = Check-in without a seat
export-col-scan-id = Scan No.
export-col-scan = Scan result
export-scan-waiting = on the waiting list
export-scan-not_signed_up = not signed up
export-col-user-id = Telegram id
export-col-name = Name
export-col-phone = Phone
export-col-region = Region
export-col-language = Language
export-col-interests = Interests
export-col-registered-at = Registered at
export-col-consent-version = Consent version
export-col-reachable = Reachable
export-col-unreachable-since = Unreachable since
export-col-signup-id = Sign-up No.
export-col-hearing-id = Hearing No.
export-col-hearing = Hearing
export-col-hearing-starts = Hearing starts
export-col-status = Status
export-col-waiting-place = Place in waiting list
export-col-answer = Reminder answer
export-col-attended = Attended
export-col-attended-at = Attended at
export-col-attended-via = Recorded by
export-col-marked-by = Marked by (id)
export-col-signed-up-at = Signed up at
export-col-updated-at = Last change
export-col-report-id = Report No.
export-col-observer = Observer
export-col-form-version = Form version
export-col-submitted-at = Submitted at
export-col-notes = Notes
export-col-attachments = Attachments
export-col-file-ids = File ids
export-col-reviewer-id = Reviewer id
export-col-reviewer = Reviewer
export-col-reviewed-at = Reviewed at
export-col-fingerprint = Fingerprint
export-col-event-id = Event No.
export-col-event = Event
export-col-actor-id = By (id)
export-col-actor = By
export-col-comment = Comment
export-col-at = Time
export-col-broadcast-id = Broadcast No.
export-col-author-id = Author id
export-col-author = Author
export-col-audience = Audience
export-col-created-at = Created at
export-col-scheduled-for = Scheduled for
export-col-started-at = Started at
export-col-finished-at = Finished at
export-col-recipients = Recipients
export-col-outcome-sent = Delivered
export-col-outcome-unreachable = Unreachable
export-col-outcome-failed = Failed
export-col-outcome-uncertain = Uncertain
export-col-outcome-pending = Not sent
export-col-error = Error
export-col-entry-id = Entry No.
export-col-action = Action
export-col-target = Object
export-col-details = Details
export-signup-confirmed = confirmed
export-signup-waiting = waiting list
export-signup-cancelled = cancelled
export-answer-coming = I'm coming
export-answer-not_coming = I can't come
export-via-qr = QR code
export-via-hand = by hand
export-report-submitted = waiting for review
export-report-returned = returned
export-report-accepted = accepted
export-event-submitted = submitted
export-event-returned = returned
export-event-resubmitted = resubmitted
export-event-accepted = accepted
export-broadcast-scheduled = scheduled
export-broadcast-queued = queued
export-broadcast-sending = sending
export-broadcast-done = done
export-broadcast-cancelled = stopped
export-broadcast-failed = failed
export-audience-everyone = everyone registered
export-audience-regions = regions
export-audience-languages = languages
export-audience-interests = interests
export-audience-hearing = hearing No.
export-audience-coordinators = coordinators only

## operations
admin-error-notice =
    ⚠️ <b>Unexpected error in the bot</b>
    Update: { $update }
    Error: <code>{ $error }</code>
    Where: <code>{ $where }</code>
    { $repeats ->
        [0] No repeats since the last notice.
        [one] Repeated { $repeats } more time since the last notice.
       *[other] Repeated { $repeats } more times since the last notice.
    }
    Details are in the bot's log. Errors of one kind are reported at most once every 10 minutes.

## demo

# The demo page (python -m bot demo): its own buttons and labels around the chat.
demo-title = Hearing observer bot: demo
demo-intro = Try it without Telegram: the bot is real, the people and data are made up.
demo-persona-volunteer = Volunteer 1
demo-persona-volunteer2 = Volunteer 2
demo-persona-coordinator = Coordinator
demo-persona-admin = Admin
demo-persona-group = Coordinators' group
demo-app-language = App language
demo-page-language = Page language
demo-clock = Demo clock
demo-jump-hour = +1 hour
demo-jump-day = +1 day
demo-jump-next = ⏭ Next reminder
demo-next = Next reminder:
demo-no-reminder = nothing scheduled
demo-jumped = The clock has moved.
demo-message-placeholder = Message
demo-send = Send
demo-attach = Attach photos or files
demo-menu = Menu
demo-delete = Delete
demo-edited = edited
demo-empty-chat = No messages yet. Send /start to begin.
demo-bot-name = Hearing observer bot
demo-open-file = Open
