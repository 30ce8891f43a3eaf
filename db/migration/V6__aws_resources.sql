-- What the AWS wire API keeps beside the core's rows: the attributes AWS clients give state
-- machines and activities (type, role, logging, tracing, encryption) and their tags, as JSON text
-- (JSON escapes the NUL character, which PostgreSQL's text cannot hold). A resource created through
-- the native API has no row until a wire call sets something; it reads as AWS's defaults.
create table aws_resource (
    resource_type text not null,
    name          text not null,
    attributes    text not null default '{}',
    tags          text not null default '[]',
    primary key (resource_type, name)
);
