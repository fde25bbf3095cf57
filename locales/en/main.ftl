# Interface texts, English. Every key here must exist in kk and ru too
# (a unit test checks). Content (summaries, notes) is not translated here.

## Site
site-name = Referendum tracker
site-case = Kazakhstan 2022
skip-to-content = Skip to main content
nav-label = Main
nav-overview = Overview
nav-amendments = Amendments
nav-timeline = Timeline
nav-constitution = Constitution
nav-council = Council review
nav-announcements = Announcements
language-switcher = Language
breadcrumb = Breadcrumb
data-as-of = Data as of
footer-sources = Every claim on this site names its source. Summaries are plain-language descriptions written for this tracker, not the official wording.
content-untranslated = The tracker's content (summaries, notes and the announcement) has no translation into this language yet and is shown in its original language, English. The interface is translated.

## Common words
article = Article
new = new
new-article = New article
since = since
source = Source
sources = Sources
source-no-url = no public address recorded
source-not-recorded = source not recorded
date = Date
event = Event
speaker = Speaker
venue = Venue
themes = Themes
uncertain = Uncertain
recorded = recorded
today = Today
section-number = Section { $section }
law-point = Point { $point } of Article 1 of the amending law

## Statuses
status-drafted = Drafted
status-submitted = Submitted to the Council
status-council-compliant = Council: compliant
status-council-noncompliant = Council: not compliant
status-withdrawn = Withdrawn
status-on-ballot = On the ballot
status-adopted = Adopted
status-rejected = Rejected
status-in-force = In force
status-amended-later = Amended later
status-superseded = Superseded (no longer in force)
no-status = No status recorded

## The status stepper
step-drafted = Drafted
step-submitted = Submitted to the Constitutional Council
step-council = Council conclusion
step-council-compliant = Council conclusion: compliant
step-council-noncompliant = Council conclusion: not compliant
step-ballot = On the ballot
step-vote = Adopted or rejected
step-adopted = Adopted
step-rejected = Rejected
step-in-force = In force
step-state-done = done
step-state-current = current step
step-state-todo = not reached

## Timeline event kinds
kind-context = Context
kind-announcement = Announcement
kind-council = Constitutional review
kind-decree = Decree
kind-referendum = Referendum
kind-results = Results
kind-law = Law
kind-entry-into-force = Entry into force
kind-implementation = Implementation
kind-election = Election

## Overview
overview-title = Overview
proposed-on = Proposed
voted-on = voted
where-they-stand = Where the { $count } amendments stand
status-bar-title = Amendments by current status
of-amendments = of { $total } amendments
see-all-amendments = See all { $count } amendments
last-and-next = Last and next steps
latest = Latest
next = Next
no-past-event = No event has happened yet.
no-upcoming-event = No upcoming event is scheduled in the tracker.
full-timeline = Full timeline
latest-changes = Latest status changes
no-changes = No status change has been recorded yet.
why-officials = Why: what officials said

## Amendment list
amendments-title = All amendments
amendments-title-filtered = Amendments with { $filter }
amendments-description = Every article the reform amends, in constitutional order, with its current status.
all-amendments = All { $count } amendments
filter-status-label = Status
filter-theme-label = Theme
any-status = Any status
any-theme = Any theme
filter-button = Filter
show-all = Show all
shown-count = { $shown } of { $total } amendments shown, in constitutional order.
no-match = No amendment matches this filter.
filter-status = status “{ $status }”
filter-theme = theme “{ $theme }”
filter-status-and-theme = status “{ $status }” and theme “{ $theme }”
headings-title = Section headings renamed
headings-intro = The law also renamed two section headings of the Constitution. They are not articles, so they are not counted among the { $count } amendments and have no status of their own.
heading-before-unknown = earlier heading not recorded in our sources

## Amendment page
current-status = Current status
progress = Progress
what-changes = What changes
wording-title = In plain words: before and after
wording-unknown = The tracker has no verified wording of this article before and after the reform. The summary above describes the change.
before = Before
after = After
wording-before-unknown = Not known: no verified source gives the earlier wording.
wording-after-unknown = Not known: no verified source gives the new wording.
word-by-word = Word by word
diff-legend = Removed words are struck through and marked “removed”; added words are underlined and marked “added”.
removed = removed
added = added
entry-into-force = Entry into force
no-entry-into-force = No date of entry into force is recorded.
why-proposed = Why it was proposed
no-motivation = No statement has been linked to this amendment.
why-linked = Why linked
status-history = Status history
corrected = Corrected
see-correction = see the correction
correction = Correction
see-corrected = see the corrected entry
related-events = Related events
amendment-sources = Sources for this amendment
no-sources = No source is recorded.
entry-changed = Entry last changed
other-amendments = Other amendments

## Announcements
announcements-title = Announcements
announcements-description = What officials said, statement by statement. Each statement links to the amendments it motivated.
about-this-text = About this text
corroborating-sources = Sources that corroborate the date, the event and its points ({ $count })
announcement-intro = The text below is the document verbatim, statement by statement. { $motivating } of its { $total } statements are linked to amendments they motivated; the others motivated none, and are marked so.
link-to-statement = Link to this statement
motivated-none = Motivated no amendment.
motivated-count = { $count ->
    [one] Motivated { $count } amendment:
   *[other] Motivated { $count } amendments:
}

## Timeline
timeline-title = Timeline
timeline-description = Every dated step of the reform, from the first announcement to entry into force, each with its source.
timeline-intro = Every dated step of the reform. Events whose date the sources disagree on are marked uncertain.
past-events = Past events ({ $count })
upcoming-events = Upcoming events ({ $count })
today-explainer = Events above this line have happened; events below are upcoming.

## Council
council-title = Constitutional Council review
council-description = What was submitted to the Constitutional Council, when, what its conclusion found, and the outcome for each amendment.
council-submitted-title = What was submitted, and when
council-submitted-on = The draft amendments were submitted to the Council on
council-accepted-on = The Council announced that it had accepted the appeal on
council-conclusion-title = The conclusion
conclusion = Conclusion
chair = Chair
rapporteur = Rapporteur
finding = What it found
no-conclusion = No conclusion has been recorded yet.
open-questions = What the sources leave open
no-council-review = No review by the Constitutional Council has been recorded for this referendum.
outcomes-title = Outcome for each amendment
no-outcomes = No Council outcome has been recorded for any amendment yet.
outcomes-caption = The Council's finding for each of the { $count } amendments it reviewed
outcome = Outcome
no-outcome-for = No Council outcome is recorded for

## Errors
error-code = Error
error-ways-back = Ways back
error-heading-400 = This request cannot be answered
error-heading-403 = Not allowed
error-heading-404 = Page not found
error-heading-405 = Method not allowed
error-heading-409 = Changed by someone else
error-heading-413 = Too large
error-heading-500 = Something went wrong
error-heading-503 = Temporarily unavailable
error-message-400 = The request was malformed.
error-message-403 = This action is not allowed.
error-message-404 = There is no page at this address. The links below lead back into the tracker.
error-message-405 = This address does not accept that kind of request.
error-message-409 = The record changed since you opened it.
error-message-413 = The request is larger than the tracker accepts.
error-message-500 = The tracker could not show this page. The problem has been logged.
error-message-503 = The tracker cannot reach its database right now. Please try again in a minute.
error-bad-query = The query string could not be read: { $detail }
error-unknown-status = Unknown status filter “{ $value }”.
error-unknown-theme = Unknown theme filter “{ $value }”.
error-allowed = Allowed: { $allowed }.
no-referendum = No referendum has been recorded yet.
amendment-not-found = No amendment to article “{ $article }” is recorded.
announcement-not-found = No announcement is recorded at this address.

## Public change log
nav-changes = Change log
changes-title = Change log
changes-pages = Pages of the change log
changes-newest = Newest changes
changes-older = Older changes
changes-description = Every change to the tracker's public content, in order, with the hashes that chain the records together.
changes-intro = Every status change and every edit to public content is recorded here, newest first. Each record carries a hash of its content and of the record before it: changing or removing any record would break every hash after it. Editors' names and addresses are kept in the internal trail.
changes-none = No change has been recorded since the data was loaded.
changes-head-title = The end of the trail
changes-head = { $count ->
    [one] The whole audit trail, internal records included, holds { $count } record. The newest one's hash:
   *[other] The whole audit trail, internal records included, holds { $count } records. The newest one's hash:
}
changes-head-keep = Keep a copy of it: deleting any record up to it, the newest included, can then be proven with
audit-hash = Hash
action-status-record = Status recorded
action-synthetic-generate = Synthetic test data generated
action-status-correct = Status corrected
action-amendment-edit = Amendment edited
action-timeline-create = Timeline event added
action-timeline-update = Timeline event edited
action-timeline-delete = Timeline event deleted
action-link-save = Statement linked
action-link-delete = Statement unlinked
action-announcement-import = Announcement imported

## Admin: shell and sign-in
admin-name = Tracker administration
admin-dashboard = Dashboard
admin-timeline = Timeline events
admin-import = Import an announcement
admin-audit = Audit trail
admin-users = Users
admin-account = My account
admin-public-site = Public site
admin-view-public = View the public page
sign-in = Sign in
sign-out = Sign out
signed-in-as = Signed in as { $name }
username = User name
password = Password
login-failed = The user name or password is wrong.
login-throttled = Too many failed attempts. Wait 15 minutes, then try again.
flash-signed-out = You have signed out.

## Admin: amendments
version-number = version { $version }
admin-record-status = Record a status change
admin-final-status = This status is final: no further change is possible.
admin-correct-status = Correct the latest entry
admin-correct-explainer = A correction adds a new entry that replaces the latest one; both stay in the public history. The latest entry is
admin-edit-amendment = Edit the text
admin-links = Statements that motivated it
admin-link = Link the statement
admin-unlink = Remove this link
conflict-explainer = Someone changed this record after you opened the page. Nothing was saved. Your input is kept below; review the current state, then send it again if it still applies.
field-effective-date = Effective date (YYYY-MM-DD)
field-note = Note
field-source-url = Source address (http or https)
field-title = Title
field-summary = One-line summary
field-explanation = Explanation
field-wording-before = Wording before (optional)
field-wording-after = Wording after (optional)
field-source-keys = Source keys, one per line
field-statement = Statement
field-link-note = Why it is linked
save = Save

## Admin: timeline, import, users, audit
admin-new-event = Add a timeline event
admin-edit-event = Edit the timeline event
admin-delete-event = Delete this event
admin-actions = Actions
edit = Edit
field-starts-on = Date (YYYY-MM-DD)
field-ends-on = End date, for a range (optional)
field-kind = Kind
field-description = Description
field-uncertainty-note = If the date is uncertain, say why (optional)
field-articles = Related articles, separated by commas (optional)
admin-import-explainer = Paste a document in the seed format: the first line is the title, lines without closing punctuation are headings, lines starting with · are bullet statements. Preview it, then save.
field-slug = Address (slug)
field-document = Document
admin-preview = Preview
admin-save-announcement = Save the announcement
admin-new-user = Add a user
admin-create-user = Create the user
admin-state = State
admin-created = Created
admin-enable = Enable
admin-disable = Disable
admin-set-password = Set the password
admin-new-password-for = New password for
field-role = Role
role-admin = Administrator
role-editor = Editor
user-active = active
user-disabled = disabled
field-current-password = Current password
field-new-password = New password
password-policy = At least 12 characters.
audit-chain-intact = The chain is intact.
audit-chain-broken = The chain is broken.
audit-chain-ok = { $count } records verified.
field-entity = Entity type
field-from = From
field-until = Until

## Admin: confirmations
flash-status-recorded = The status change was recorded.
flash-status-corrected = The correction was recorded.
flash-amendment-saved = The amendment was saved.
flash-link-saved = The link was saved.
flash-link-removed = The link was removed.
flash-event-created = The event was added.
flash-event-saved = The event was saved.
flash-event-deleted = The event was deleted.
flash-announcement-imported = The announcement was imported.
flash-user-created = The user was created.
flash-user-disabled = The user was disabled and signed out.
flash-user-enabled = The user was enabled.
flash-password-changed = The password was changed; other sessions have ended.

## Admin: errors
error-bad-form = The form could not be read. Reload the page and try again.
error-csrf = This form has expired or did not come from the tracker. Reload the page and try again.
error-admin-only = Only administrators can do this.
error-required = Required.
error-too-long = Too long.
error-bad-date = Not a date in the form YYYY-MM-DD.
error-bad-date-field = The “{ $field }” date is not in the form YYYY-MM-DD.
error-bad-url = Not an http or https address.
error-illegal-transition = This status cannot follow the current one. Allowed next: { $detail }.
error-date-before-previous = The date is before the previous entry ({ $detail }).
error-correct-latest-only = Only the latest entry can be corrected.
error-unknown-key = Unknown: { $detail }.
error-end-before-start = The end date is before the start date.
error-document = The document could not be read: { $detail }
error-slug-taken = This address is already used: { $detail }.
error-username = A user name has 2 to 40 characters: lower-case letters, digits, “.”, “_” or “-”.
error-role = Choose administrator or editor.
error-password-policy = A password needs at least 12 characters.
error-user-exists = A user with this name already exists.
error-disable-self = You cannot disable your own account.
error-current-password = The current password is wrong.
error-heading-401 = Not signed in
error-heading-429 = Too many requests
error-message-401 = Sign in to continue.
error-message-429 = Too many requests. Wait a moment and try again.
error-heading-422 = Check the form
error-message-422 = Some fields need attention.

## Admin: referendums
admin-referendums = Referendums
admin-referendums-explainer = A new referendum is prepared unpublished, with its amendments. Once published, the public site shows it if it is the most recently proposed.
admin-new-referendum = Prepare a new referendum
admin-create-referendum = Create the referendum
admin-publish = Publish
referendum-published = published
referendum-draft = in preparation
field-question = Ballot question
field-thresholds = Validity and adoption rules
field-proposed-on = Proposed on (YYYY-MM-DD)
field-vote-on = Voting day (YYYY-MM-DD, optional)
field-amendment-lines = Amendments, one per line: article | title | summary
error-amendment-line = Line { $detail } is not of the form “article | title | summary”, or repeats an article.
flash-referendum-created = The referendum was created, unpublished.
flash-referendum-published = The referendum was published.
action-referendum-publish = Referendum published

## Results
nav-results = Results
results-title = Referendum results
results-description = National and regional results, preliminary and final, the validity rules computed from them, each figure with its source.
results-shown = Shown: { $stage }
results-see-other = See the { $stage }
stage-preliminary = preliminary results
stage-final = final results
results-national = National result
results-national-bar = Share of participants
results-national-caption = National figures, { $stage }
figure = Figure
value = Value
not-known = not known
more-than = more than { $value }
results-none-yet = No results had been published by this date. The figures will appear here, each with its source, once the referendum commission publishes them.
results-rules = Validity and adoption rules
rule-met = Met
rule-not-met = Not met
rule-unknown = Cannot be determined from the published figures
rule-turnout-detail = Turnout { $turnout }; the rule requires more than { $threshold }.
rule-units-detail = { $meeting } units are known to have more than { $threshold } yes, { $failing } known not to, { $unknown } not known; { $needed } are needed.
rule-no-figures = No figures yet.
results-units = Results in the { $count } voting units
sort-label = Sort the table
sort-name = By name
sort-turnout = By turnout
sort-yes = By yes share
sort-asc = ascending
sort-desc = descending
results-turnout-chart = Turnout by unit
results-table-below = The same figures are in the table below.
results-units-caption = Figures by voting unit; a figure nobody published is shown as not known
unit = Voting unit
figure-eligible = Eligible voters
figure-cast = Took part
figure-turnout-pct = Turnout
figure-yes = Yes
figure-yes-pct = Yes, share
figure-no = No
figure-no-pct = No, share
figure-invalid = Invalid ballots
figure-invalid-pct = Invalid, share
figure-both-marked = Both options marked
figure-both-marked-pct = Both marked, share
error-unknown-stage = Unknown stage “{ $value }”.
error-stage-not-published = These results had not been published by this date.
error-unknown-sort = Unknown sort order “{ $value }”.

## The tracker through time
as-of-banner = You are looking at the tracker as it stood at the end of
as-of-back = Back to the present
as-of-label = See the tracker as it stood on
as-of-button = Show
error-bad-as-of = “{ $value }” is not a date in the form YYYY-MM-DD.
error-as-of-future = The tracker cannot show the future; choose a date up to today, { $today }.
error-as-of-too-early = The tracker records nothing before { $first }; choose a later date.
progress-title = Progress over time
progress-caption = How many amendments stood in each status on each date a status changed

## Open data
nav-data = Open data: downloads and licence
data-title = Open data
data-description = Download the tracker's data as CSV or JSON, with the licence and a suggested citation.
data-intro = Everything the tracker shows can be downloaded, for journalists, researchers and other sites. The files always hold the current data, in UTF-8; CSV files follow RFC 4180 with a header row.
data-spreadsheets = In CSV files, a text cell that a spreadsheet would run as a formula (one starting with =, +, -, @ or a tab) begins with a single quote, and control characters other than line breaks are removed; the JSON files keep the text exactly.
data-licence-title = Licence and citation
data-licence = The tracker's own texts and the compiled data are available under the Creative Commons Attribution licence,
data-cite = Please cite it as:
data-citation = Referendum tracker — { $title }. Data as of { $date }.
data-downloads = Downloads
data-dataset = Dataset
data-what = What it holds
data-formats = Formats
data-format-note = Dates are ISO 8601 (YYYY-MM-DD). Percentages have two decimals. Empty cells mean not known or not published. The results file has a row for every stage and voting unit even before any figure is published, so its shape is known in advance.
dataset-amendments = Amendments
dataset-amendments-description = Every amendment with its summary, explanation, current status, themes and source keys.
dataset-status-history = Status history
dataset-status-history-description = Every status change, dated and sourced, corrections included.
dataset-statements = Statements
dataset-statements-description = Every statement of every announcement, verbatim, with its anchor.
dataset-motivations = Links
dataset-motivations-description = Which statement motivated which amendment, and why.
dataset-timeline = Timeline
dataset-timeline-description = Every timeline event with its date, kind, certainty and sources.
dataset-results = Results
dataset-results-description = National and regional figures for each stage, each with its source.

## Admin: results
admin-results = Results
admin-results-explainer = Enter or correct one figure at a time, or many at once as CSV in the same shape as the public download. Every change is audited; a final set never erases the preliminary one.
admin-results-one = Enter or correct one figure
admin-stage = Stage
admin-published-on = Published on (YYYY-MM-DD)
admin-figure-value = Value (a count, or a percentage such as 68.05; empty removes the figure)
admin-results-import = Import figures as CSV
admin-results-csv = CSV, with the header row of the download; each figure needs a source (an address or a known source key)
admin-results-import-button = Import
error-csv-at = Line { $line }, column “{ $column }”: { $problem }
error-csv-refused = Nothing was imported: fix these lines and send the file again.
error-csv-empty = The file holds no figures.
error-csv-too-large = the file is larger than 1 MiB
error-csv-header = the header row is not the one of the download
error-csv-unreadable = the line cannot be read as CSV
error-csv-source-without-value = a source is given without a value
error-csv-percentage = not a percentage between 0 and 100 with at most two decimals
error-csv-count = not a whole number of at least 0
error-csv-source = the source is neither an http(s) address nor a source key
error-csv-stage = the stage must be preliminary or final
error-csv-scope = unknown voting unit
error-csv-date = not a date in the form YYYY-MM-DD
error-csv-date-differs = another line gives this stage a different date
error-csv-duplicate = this stage and unit appear twice
flash-results-saved = The figure was saved.
flash-results-imported = The figures were imported.
action-results-update = Results entered or corrected
feed-title = Status changes and timeline (Atom feed)
feed-amendment-title = Status changes of article
export-made = Static copy of the tracker, made on

## Search
search-title = Search
search-description = Search the amendments, the statements and the timeline in Kazakh, Russian and English.
search-label = Search the tracker
search-placeholder = e.g. death penalty, Сенат
search-button = Search
search-nothing = Nothing found. Try other words, or fewer.
search-count = { $count ->
    [one] { $count } result, best first.
   *[other] { $count } results, best first.
}
search-kind-amendment = Amendment
search-kind-statement = Statement
search-kind-event = Timeline event
unofficial-translation = unofficial translation
admin-translations = Translations
admin-translations-explainer = Translate the texts side by side. Mark a translation official only when an official text exists, and give its source; otherwise it is shown as unofficial. An empty field removes that translation.
admin-field = Field
admin-original = original
admin-official = Official?
admin-official-text = This is an official text
error-official-needs-source = An official translation needs the address of its source.
flash-translations-saved = The translations were saved.
action-translation-save = Translation saved
search-kind-status = Status change
error-request-id = If you report this, quote the request id:
error-heading-408 = Too slow
error-message-408 = The request took too long and was stopped. Please try again.
admin-translate = Translate
field-text = Text
admin-statements = Statements
admin-anchor = Anchor
admin-translated = translated
figure-yes-pct-above = Yes, more than (a lower bound)
error-bad-page = The page address is not valid; follow the links on the page.
feed-audit-head = Audit trail: { $count } records; the newest has the hash { $hash }.

overview-history-title = History, not law in force.
overview-history = On { $date } the Constitution of 1995, with every amendment of this reform, ceased to have effect: the Constitution adopted at the referendum of 15 March 2026 replaced it. What follows is the record of how the 2022 reform was made and applied.
overview-history-link = Read the 1995 Constitution as it stood on its last day

constitution-title = The Constitution, as it stood on a day
constitution-description = The whole official text of the Constitution of Kazakhstan in force at the end of a chosen day, with each article's changes and redlines.
constitution-as-of = As it stood at the end of { $date }.
constitution-official = Official text in Russian, verbatim from the copy named below; no official text in this page's language is recorded here. Summaries elsewhere on this site are ours.
constitution-source-1995 = The Constitution of 30 August 1995, consolidated after the laws of 8 June and 17 September 2022 (copy of the adilet-style consolidated text). It ceased to have effect on 1 July 2026.
constitution-source-2026 = The Constitution adopted at the referendum of 15 March 2026, in the text published on 12 February 2026 (copy named in the source list); in force since 1 July 2026.
constitution-new-adopted = A new Constitution was adopted at the referendum of 15 March 2026 and takes effect on 1 July 2026, when this text ceases.
constitution-read-2026 = Read the 2026 Constitution.
constitution-ceased = The 1995 Constitution, with every 2022 amendment, ceased to have effect on 1 July 2026 (Article 94(1)).
constitution-read-1995 = Read the 1995 Constitution as it stood on its last day.
constitution-before-record = Before 8 June 2022: provisions the 2022 laws did not change are shown in their 2022 wording; earlier amendments (1998–2019) are not recorded here.
constitution-date-label = Show the text in force at the end of
constitution-date-show = Show
constitution-history = { $count ->
    [one] One change to this article
   *[other] { $count } changes to this article
}
constitution-point = point { $point }
constitution-amendment-page = the amendment's page
constitution-new-provision = A new provision: it had no earlier wording.
constitution-no-redline = No redline: the earlier wording was not found in the sources checked.
constitution-pending = Adopted, in force from { $date }:
constitution-not-yet = Not yet in force on this day.
fidelity-derived = Derived wording: reconstructed by reversing the word change the 2022 law made; not a quotation of the earlier text.
fidelity-derived-short = Earlier side derived:
fidelity-unknown = The wording on this day was not found in the sources checked (adilet.zan.kz keeps earlier versions).
act-law-2022-06-08 = Law of 8 June 2022 (referendum of 5 June 2022)
act-law-2022-09-17 = Law of 17 September 2022 No. 142-VII

wording-ours = Our paraphrase of what changed, in plain words; it is not the official text (above).
official-title = The official text
official-intro = The law's point and the wording of the Constitution before and after it, in Russian, verbatim from the official texts named in the sources. Wording we could not find is shown as not found; wording reconstructed from the law's own change is labelled derived. No official text in this page's language is recorded here.
official-point = Point { $point } of Article 1 of the Law of 8 June 2022
official-before = Before
official-after = After
official-in-force-from = in force from { $date }
official-redline = What the point changed, word by word: removed words are struck through and marked “removed”; added words are underlined and marked “added”.
official-changed-again = Changed again by the Law of 17 September 2022 No. 142-VII (in force from { $date }):
fidelity-derived-label = derived, not quoted
fidelity-official-label = official text
provision-article = Article { $number }
provision-paragraph = paragraph { $number }
provision-subparagraph = subparagraph { $number }
provision-list = list { $number }
provision-part = part { $number }
provision-intro = opening words
provision-section = Section { $number }

dataset-provisions = Provisions of the Constitution
dataset-provisions-description = Every provision of the 1995 and 2026 Constitutions in document order, with its Akoma Ntoso style id, kind and number.
dataset-provision-versions = Versions of the provisions
dataset-provision-versions-description = Every wording of every provision with the days it was in force, the act that made it and whether it is official, derived or not found (then the text is empty).
dataset-law-points = Points of the 2022 law
dataset-law-points-description = The 35 points of Article 1 of the Law of 8 June 2022, verbatim, each with the provisions it changes.

data-akn-title = The official texts in Akoma Ntoso
data-akn = Each text of the Constitution as in force from a day, and the Law of 8 June 2022, as Akoma Ntoso 3.0 (OASIS LegalDocML) XML: every provision has its eId, the changes of 2022 are recorded as modifications, and wording not found in the sources is marked as omitted. These files are not the authoritative publication.

compare-title = Compare the Constitution on two days
compare-description = Every provision of the Constitution that reads differently on one day than on another, word by word.
compare-between = Provisions that read differently at the end of { $from }
compare-and = and at the end of { $to }.
compare-from = From the end of
compare-to = to the end of
compare-different-documents = The two days fall under different constitutions: the 1995 text until 30 June 2026, the 2026 text from 1 July 2026. No official table says which articles of one correspond to which of the other, so no provision-by-provision comparison is shown.
compare-none = No provision reads differently on these two days.
compare-count = { $count ->
    [one] One provision differs.
   *[other] { $count } provisions differ.
}
compare-absent = Not in the text on this day.
error-compare-dates = The dates to compare must be given as from=YYYY-MM-DD and to=YYYY-MM-DD.
compare-link = Compare the text on two days
constitution-akn-link = This text in Akoma Ntoso XML
search-kind-provision = Official text of the Constitution
