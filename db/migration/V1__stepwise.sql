-- State machines and their immutable revisions; running executions keep the revision they
-- started on.
create table state_machine (
    name        text primary key,
    revision    int         not null,
    description text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    deleted_at  timestamptz
);

create table state_machine_revision (
    name        text        not null references state_machine (name),
    revision    int         not null,
    definition  text        not null,
    description text,
    created_at  timestamptz not null,
    primary key (name, revision)
);

-- JSON columns are text: jsonb would reorder object keys, and users expect their output back
-- as their states wrote it.
create table execution (
    id            uuid primary key,
    name          text        not null,
    state_machine text        not null,
    revision      int         not null,
    status        text        not null,
    input         text        not null,
    output        text,
    error         text,
    cause         text,
    started_at    timestamptz not null,
    stopped_at    timestamptz,
    redrive_count int         not null default 0,
    last_event_id bigint      not null default 0,
    last_token_id int         not null default 0,
    unique (state_machine, name)
);
create index execution_newest on execution (started_at desc, id desc);
create index execution_by_state_machine on execution (state_machine, started_at desc, id desc);
create index execution_by_status on execution (status, started_at desc, id desc);

create table history_event (
    execution_id      uuid        not null,
    id                bigint      not null,
    previous_event_id bigint      not null,
    ts                timestamptz not null,
    type              text        not null,
    details           text        not null,
    primary key (execution_id, id)
);

-- A token is one thread of control: the execution's root (id 1), a Parallel branch or a Map
-- iteration. version counts the changes of its position; work items name the version they were
-- made for, so a late timer or task answer for an older position is recognised and dropped.
create table token (
    execution_id  uuid not null,
    id            int  not null,
    parent_id     int,
    child_index   int,
    status        text not null,
    position      text,
    output        text,
    open_children int  not null default 0,
    version       int  not null default 0,
    primary key (execution_id, id)
);
create index token_children on token (execution_id, parent_id, status, child_index);

-- Due work, claimed with a lease (FOR UPDATE SKIP LOCKED). Rows live only until done.
create table work_item (
    id            bigserial primary key,
    execution_id  uuid        not null,
    token_id      int         not null,
    token_version int         not null,
    kind          text        not null,
    run_at        timestamptz not null,
    claimed_by    text,
    lease_until   timestamptz,
    version       int         not null default 0,
    payload       text
);
create index work_item_due on work_item (run_at);
create index work_item_execution on work_item (execution_id);
