-- A task token handed out by a Task state that waits for a callback (.waitForTaskToken, an
-- activity). The token it names is waiting as long as it still stands at token_version; rows are
-- kept after the answer, so a second or late answer is told apart from an unknown token.
create table task_callback (
    task_token        text primary key,
    execution_id      uuid        not null,
    token_id          int         not null,
    token_version     int         not null,
    state_machine     text        not null,
    state_name        text        not null,
    resource          text        not null,
    heartbeat_seconds int,
    -- Activity tasks: the activity whose workers pull it, the input they get, who took it.
    activity          text,
    input             text,
    worker            text,
    -- TaskStarted is written (the request was delivered, or a worker took the task).
    started           boolean     not null default false,
    created_at        timestamptz not null,
    closed_at         timestamptz
);
create index task_callback_open on task_callback (state_machine) where closed_at is null;
create index task_callback_activity_queue on task_callback (activity, created_at)
    where activity is not null and worker is null and closed_at is null;

create table activity (
    name       text primary key,
    created_at timestamptz not null
);
