-- Retention: history is stored in daily range partitions, so that expiry is a partition drop
-- rather than a DELETE of millions of rows.
--
-- The partition key is an execution's history bucket: its start time, unless the retention job
-- moved it (execution.history_bucket, null meaning started_at). Every event of an execution
-- carries its execution's bucket, so all of one execution's history lives in one partition and
-- reads by execution prune to it. A day's partition is dropped only once no execution row names a
-- bucket in it: the job deletes the expired executions of that day (their events go with the
-- partition) and first moves the ones still kept (still running, or kept longer by their state
-- machine's retention) into a newer bucket. See dev.stepwise.retention.RetentionJob.

-- Per state machine, how long its closed executions are kept (null: stepwise.retention.period).
alter table state_machine add column retention_days int;

alter table execution add column history_bucket timestamptz;
-- Which executions live in a day's partition (the job's drop check and its moves).
create index execution_history_bucket on execution ((coalesce(history_bucket, started_at)));
-- Closed executions by end time (the job's search for expired ones).
create index execution_stopped on execution (stopped_at) where stopped_at is not null;

alter table history_event rename to history_event_unpartitioned;
alter index history_event_pkey rename to history_event_unpartitioned_pkey;

-- The primary key of a partitioned table must hold the partition key; (execution_id, id) is still
-- unique, as one execution's events share one bucket.
create table history_event (
    execution_id      uuid        not null,
    id                bigint      not null,
    previous_event_id bigint      not null,
    ts                timestamptz not null,
    type              text        not null,
    details           text        not null,
    bucket            timestamptz not null,
    primary key (execution_id, id, bucket)
) partition by range (bucket);

-- One partition per UTC day, from the oldest execution's start to a week ahead; the retention job
-- keeps creating them ahead from then on.
do $$
declare
    first_day date := coalesce((select min(started_at) at time zone 'UTC' from execution),
                               now() at time zone 'UTC')::date;
    last_day  date := (now() at time zone 'UTC')::date + 7;
    day       date := first_day;
begin
    while day <= last_day loop
        execute format(
            'create table %I partition of history_event for values from (%L) to (%L)',
            'history_event_p' || to_char(day, 'YYYYMMDD'),
            day::timestamp at time zone 'UTC',
            (day + 1)::timestamp at time zone 'UTC');
        day := day + 1;
    end loop;
end
$$;

insert into history_event (execution_id, id, previous_event_id, ts, type, details, bucket)
select h.execution_id, h.id, h.previous_event_id, h.ts, h.type, h.details, x.started_at
from history_event_unpartitioned h
join execution x on x.id = h.execution_id;

drop table history_event_unpartitioned;

-- Expired executions' task tokens are deleted with them.
create index task_callback_execution on task_callback (execution_id);
