-- Referendum results: the voting units, the validity rules (data, not code),
-- and figure sets by stage. Figures are stored one per row, each with its
-- source; a figure nobody published has no row and shows as "not known".
-- Percentages are stored in hundredths (68.05 % = 6805).

create table result_units (
    id integer primary key,
    referendum_id integer not null references referendums(id),
    key text not null,
    position integer not null,
    kind text not null check (kind in ('region', 'city', 'capital')),
    name_en text not null,
    name_kk text not null,
    name_ru text not null,
    constraint result_units_key_key unique (referendum_id, key)
);

create table result_rules (
    id integer primary key,
    referendum_id integer not null references referendums(id),
    key text not null,
    kind text not null check (kind in ('turnout_over', 'majority_in_share_of_units')),
    threshold_hundredths integer not null check (threshold_hundredths between 0 and 10000),
    share_numerator integer,
    share_denominator integer check (share_denominator is null or share_denominator > 0),
    description text not null,
    constraint result_rules_key_key unique (referendum_id, key)
);

create table result_rule_sources (
    rule_id integer not null references result_rules(id) on delete cascade,
    source_id integer not null references sources(id),
    position integer not null,
    primary key (rule_id, source_id)
);

create table result_sets (
    id integer primary key,
    referendum_id integer not null references referendums(id),
    stage text not null check (stage in ('preliminary', 'final')),
    published_on text not null,
    description text not null,
    majority_note text,
    majority_note_source_id integer references sources(id),
    version integer not null default 1,
    created_at text not null,
    updated_at text not null,
    constraint result_sets_stage_key unique (referendum_id, stage)
);
create index result_sets_by_date on result_sets (referendum_id, published_on);

create table result_set_sources (
    result_set_id integer not null references result_sets(id) on delete cascade,
    source_id integer not null references sources(id),
    position integer not null,
    primary key (result_set_id, source_id)
);

create table result_figures (
    id integer primary key,
    result_set_id integer not null references result_sets(id) on delete cascade,
    -- 'national', or the key of a unit of the same referendum.
    scope text not null,
    field text not null check (field in (
        'eligible', 'cast', 'turnout_pct', 'yes', 'yes_pct', 'yes_pct_above', 'no', 'no_pct',
        'invalid', 'invalid_pct', 'both_marked', 'both_marked_pct')),
    value integer not null check (value >= 0),
    source_id integer references sources(id),
    note text,
    constraint result_figures_field_key unique (result_set_id, scope, field)
);

-- Notes that belong to a unit within a set (timing of a figure, caveats).
create table result_unit_notes (
    result_set_id integer not null references result_sets(id) on delete cascade,
    scope text not null,
    note text not null,
    primary key (result_set_id, scope)
);
