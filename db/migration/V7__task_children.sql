-- An execution a Task state starts (states:startExecution) names its parent execution. When the
-- Task waits for its end (.sync), it also names the parent's waiting token and that token's version,
-- so that a report reaching a token that has moved on (the Task timed out, was retried or stopped)
-- is dropped. A distributed Map's children keep map_index; other executions have none, which is
-- what tells the top-level listing apart.
alter table execution add column parent_token_version int;
