-- The tracker's core model. Dates are ISO-8601 text (YYYY-MM-DD), timestamps
-- RFC 3339 text, both bound from Rust; the Postgres twin uses native types.

create table data_state (
    id integer primary key check (id = 1),
    version integer not null,
    changed_at text not null
);

create table sources (
    id integer primary key,
    key text not null constraint sources_key_key unique,
    title text not null,
    url text check (url is null or url like 'http://%' or url like 'https://%'),
    note text
);

-- Which sources back which claim. `subject` names the kind of claim; the
-- subject id points into the table that kind implies.
create table citations (
    subject text not null check (subject in (
        'amendment', 'entry_into_force', 'timeline_event', 'heading', 'announcement',
        'referendum_question', 'referendum_thresholds',
        'council_submitted', 'council_accepted', 'council_conclusion', 'council_open_question')),
    subject_id integer not null,
    source_id integer not null references sources(id) on delete restrict,
    position integer not null,
    primary key (subject, subject_id, source_id)
);

create table referendums (
    id integer primary key,
    slug text not null constraint referendums_slug_key unique,
    title text not null,
    summary text not null,
    question text not null,
    thresholds text not null,
    proposed_on text not null,
    vote_on text,
    version integer not null default 1,
    created_at text not null,
    updated_at text not null
);

create table themes (
    id integer primary key,
    key text not null constraint themes_key_key unique,
    name text not null,
    description text not null
);

create table amendments (
    id integer primary key,
    referendum_id integer not null references referendums(id),
    article text not null,
    sort_key integer not null,
    law_point integer,
    new_article integer not null check (new_article in (0, 1)),
    section text,
    title text not null,
    summary text not null,
    explanation text not null,
    wording_before text,
    wording_after text,
    version integer not null default 1,
    created_at text not null,
    updated_at text not null,
    constraint amendments_article_key unique (referendum_id, article)
);
create index amendments_order on amendments (referendum_id, sort_key);

create table amendment_themes (
    amendment_id integer not null references amendments(id) on delete cascade,
    theme_id integer not null references themes(id),
    primary key (amendment_id, theme_id)
);
create index amendment_themes_theme on amendment_themes (theme_id, amendment_id);

create table entry_into_force (
    id integer primary key,
    amendment_id integer not null references amendments(id) on delete cascade,
    takes_effect_on text not null,
    note text not null,
    constraint entry_into_force_date_key unique (amendment_id, takes_effect_on)
);

-- Append-only: a mistake is fixed by a new event whose corrects_event_id
-- names the wrong one, never by an update.
create table status_events (
    id integer primary key,
    amendment_id integer not null references amendments(id),
    status text not null check (status in (
        'drafted', 'submitted', 'council_compliant', 'council_noncompliant', 'withdrawn',
        'on_ballot', 'adopted', 'rejected', 'in_force', 'amended_later')),
    effective_date text not null,
    note text not null,
    source_url text check (source_url is null or source_url like 'http://%' or source_url like 'https://%'),
    source_title text,
    recorded_at text not null,
    recorded_by text not null,
    corrects_event_id integer references status_events(id),
    seed_key text constraint status_events_seed_key unique,
    check (source_url is not null or source_title is not null)
);
create index status_events_by_amendment on status_events (amendment_id, effective_date, id);
create index status_events_by_date on status_events (effective_date, id);
create index status_events_corrections on status_events (corrects_event_id) where corrects_event_id is not null;

create table section_headings (
    id integer primary key,
    referendum_id integer not null references referendums(id),
    section text not null,
    law_point integer,
    before_title text,
    after_title text not null,
    takes_effect_on text not null,
    constraint section_headings_section_key unique (referendum_id, section)
);

create table council_reviews (
    id integer primary key,
    referendum_id integer not null constraint council_reviews_referendum_key unique references referendums(id),
    body text not null,
    submitted_on text not null,
    accepted_on text,
    conclusion_number text,
    conclusion_date text,
    chair text,
    rapporteur text,
    finding text,
    outcome_note text
);

create table council_open_questions (
    id integer primary key,
    council_review_id integer not null references council_reviews(id) on delete cascade,
    position integer not null,
    text text not null,
    constraint council_open_questions_position_key unique (council_review_id, position)
);

create table announcements (
    id integer primary key,
    referendum_id integer references referendums(id),
    slug text not null constraint announcements_slug_key unique,
    title text not null,
    event text not null,
    announced_on text not null,
    speaker text not null,
    venue text not null,
    source_note text not null,
    document text not null,
    version integer not null default 1,
    created_at text not null
);

create table announcement_sections (
    id integer primary key,
    announcement_id integer not null references announcements(id) on delete cascade,
    position integer not null,
    heading text not null,
    slug text not null,
    level integer not null check (level in (2, 3)),
    constraint announcement_sections_slug_key unique (announcement_id, slug)
);

create table statements (
    id integer primary key,
    announcement_id integer not null references announcements(id) on delete cascade,
    section_id integer not null references announcement_sections(id) on delete cascade,
    position integer not null,
    slug text not null,
    kind text not null check (kind in ('bullet', 'paragraph')),
    text text not null,
    constraint statements_slug_key unique (announcement_id, slug)
);
create index statements_by_section on statements (section_id, position);

create table motivations (
    amendment_id integer not null references amendments(id) on delete cascade,
    statement_id integer not null references statements(id) on delete cascade,
    note text not null,
    primary key (amendment_id, statement_id)
);
create index motivations_by_statement on motivations (statement_id, amendment_id);

create table timeline_events (
    id integer primary key,
    referendum_id integer not null references referendums(id),
    key text not null,
    starts_on text not null,
    ends_on text,
    kind text not null check (kind in (
        'context', 'announcement', 'council', 'decree', 'referendum', 'results', 'law',
        'entry_into_force', 'implementation', 'election')),
    title text not null,
    description text not null,
    certainty text not null check (certainty in ('confirmed', 'uncertain')),
    uncertainty_note text,
    version integer not null default 1,
    created_at text not null,
    updated_at text not null,
    constraint timeline_events_key_key unique (referendum_id, key),
    check (ends_on is null or ends_on >= starts_on),
    check (certainty = 'confirmed' or uncertainty_note is not null)
);
create index timeline_events_by_date on timeline_events (referendum_id, starts_on, id);

create table timeline_event_amendments (
    timeline_event_id integer not null references timeline_events(id) on delete cascade,
    amendment_id integer not null references amendments(id) on delete cascade,
    primary key (timeline_event_id, amendment_id)
);
create index timeline_event_amendments_by_amendment on timeline_event_amendments (amendment_id);

create table timeline_event_statements (
    timeline_event_id integer not null references timeline_events(id) on delete cascade,
    statement_id integer not null references statements(id) on delete cascade,
    primary key (timeline_event_id, statement_id)
);
