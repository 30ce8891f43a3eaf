-- Free text from clients and endpoints is stored as a JSON string literal: PostgreSQL's text
-- cannot hold the NUL character, which JSON strings may contain. Existing rows are encoded the
-- same way (to_json escapes exactly what JSON requires).
update execution set error = to_json(error)::text, cause = to_json(cause)::text
    where error is not null or cause is not null;
update state_machine set description = to_json(description)::text where description is not null;
update state_machine_revision set description = to_json(description)::text
    where description is not null;
update task_callback set state_name = to_json(state_name)::text, resource = to_json(resource)::text;
