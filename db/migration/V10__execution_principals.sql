-- Who started and who stopped an execution: the caller's name (an API key's name, an access key
-- id, a token's subject; "anonymous" without authentication). Null for child executions of a
-- distributed Map and for executions that ended by themselves.
alter table execution add column started_by text;
alter table execution add column stopped_by text;
