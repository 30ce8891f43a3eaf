-- Versions: numbered snapshots of a state machine, published explicitly. A version names the
-- revision it was published from (revisions are immutable and never deleted), so an execution
-- started on a version runs that revision. last_version counts the versions of a state machine,
-- so that a number is never given twice, not even after its version (or the state machine) was
-- deleted.
alter table state_machine add column last_version int not null default 0;

create table state_machine_version (
    state_machine text        not null,
    version       int         not null,
    revision      int         not null,
    description   text,
    created_at    timestamptz not null,
    primary key (state_machine, version),
    foreign key (state_machine, revision) references state_machine_revision (name, revision)
);
create index state_machine_version_by_revision on state_machine_version (state_machine, revision);

-- Aliases: a name that routes each start to one of one or two versions, by weight.
create table state_machine_alias (
    state_machine text        not null references state_machine (name),
    name          text        not null,
    description   text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (state_machine, name)
);

-- The foreign key to the version is the last guard behind the service's own check: a version an
-- alias routes to cannot be deleted.
create table state_machine_alias_route (
    state_machine text not null,
    alias         text not null,
    position      int  not null,
    version       int  not null,
    weight        int  not null,
    primary key (state_machine, alias, position),
    foreign key (state_machine, alias) references state_machine_alias (state_machine, name)
        on delete cascade,
    foreign key (state_machine, version) references state_machine_version (state_machine, version)
);
create index state_machine_alias_route_by_version on state_machine_alias_route (state_machine, version);

-- What an execution was started on, besides its revision: a version, or an alias (and the
-- version the alias chose). Null for starts on the state machine itself.
alter table execution
    add column state_machine_version int,
    add column state_machine_alias   text;
