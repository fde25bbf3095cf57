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
wording-title = Wording before and after
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
