-- The official texts as versioned provisions: a constitution is a tree of
-- provisions with Akoma Ntoso style ids; each provision has versions (its
-- wording over time, where that wording comes from, and the act that made
-- it). Loaded from seeds/texts by the seed; never edited in place.
create table legal_documents (
    id integer primary key,
    slug text not null constraint legal_documents_slug_key unique,
    title text not null,
    lang text not null,
    adopted_on text not null,
    in_force_from text,
    in_force_to text,
    source_key text not null
);

create table provisions (
    id integer primary key,
    document_id integer not null references legal_documents(id),
    eid text not null,
    parent_eid text,
    kind text not null check (kind in ('preamble', 'section', 'article', 'paragraph', 'subparagraph', 'part')),
    num text,
    position integer not null,
    constraint provisions_eid_key unique (document_id, eid)
);

create table provision_versions (
    id integer primary key,
    provision_id integer not null references provisions(id),
    lang text not null,
    text text,
    fidelity text not null check (fidelity in ('official', 'derived', 'unknown', 'repealed')),
    valid_from text,
    valid_to text,
    act text not null,
    act_point integer,
    note text,
    -- Unknown wording is stored as unknown, never as a guess.
    check ((text is null) = (fidelity = 'unknown'))
);
create index provision_versions_by_provision on provision_versions (provision_id, valid_from);

-- The points of the law that made a referendum's amendments, verbatim, and
-- the provisions each changes.
create table law_points (
    id integer primary key,
    referendum_id integer not null references referendums(id),
    point integer not null,
    article text not null,
    kind text not null,
    wording text not null,
    text_verbatim text not null,
    constraint law_points_point_key unique (referendum_id, point)
);

create table law_point_targets (
    law_point_id integer not null references law_points(id),
    provision_id integer not null references provisions(id),
    primary key (law_point_id, provision_id)
);
