-- A distributed Map runs each item (or batch) as a child execution. The parent keeps one token per
-- child (parent_token_id), which stands in the Map's fork until the child reports its end; the
-- child reports through a work item on the parent, so no transaction locks both executions.
alter table execution
    add column parent_execution_id uuid,
    add column parent_token_id     int,
    add column map_index           int;
create index execution_children on execution (parent_execution_id, started_at desc, id desc)
    where parent_execution_id is not null;
