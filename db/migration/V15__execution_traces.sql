-- The W3C trace context an execution keeps: the traceparent its work descends from (the request
-- that started it, or a new trace) and the tracestate passed on with it. Every Task request of the
-- execution continues this trace, on whichever replica and after any restart. Null for executions
-- started before it was kept.
alter table execution add column trace_parent text;
alter table execution add column trace_state text;
